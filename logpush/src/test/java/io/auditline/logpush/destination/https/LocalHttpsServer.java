package io.auditline.logpush.destination.https;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** A real HTTPS server in the test JVM that records every request and answers from a script. */
final class LocalHttpsServer implements AutoCloseable {

  /** One request as it arrived; header names in lower case. */
  record Received(String method, String uri, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : String.join(",", values);
    }
  }

  private record Reply(int status, String[] headers) {}

  private final HttpsServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Queue<Reply> replies = new ConcurrentLinkedQueue<>();

  private LocalHttpsServer(HttpsServer server) {
    this.server = server;
  }

  /** Listens on {@code address}, an ephemeral port, with the testkit server certificate. */
  static LocalHttpsServer start(InetAddress address) throws Exception {
    HttpsServer server = HttpsServer.create(new InetSocketAddress(address, 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(TestTls.server()));
    LocalHttpsServer local = new LocalHttpsServer(server);
    server.createContext("/", local::handle);
    server.start();
    return local;
  }

  /** The next request (in order) gets this status and these {@code name, value} headers; then 200. */
  LocalHttpsServer thenReply(int status, String... headerPairs) {
    replies.add(new Reply(status, headerPairs));
    return this;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    Map<String, List<String>> headers = exchange.getRequestHeaders().entrySet().stream()
        .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), e -> List.copyOf(e.getValue())));
    received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body));
    Reply reply = replies.poll();
    int status = reply == null ? 200 : reply.status();
    if (reply != null) {
      for (int i = 0; i + 1 < reply.headers().length; i += 2) {
        exchange.getResponseHeaders().add(reply.headers()[i], reply.headers()[i + 1]);
      }
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
