package io.auditline.app.cli.logpush;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A local HTTP server that answers {@code METHOD path} with queued responses; the last one repeats. */
final class FakeApi implements AutoCloseable {

  record Answer(int status, String contentType, String body) {}

  record Request(String method, String path, String authorization, String body) {}

  private final HttpServer server;
  private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
  final List<Request> requests = java.util.Collections.synchronizedList(new ArrayList<>());

  FakeApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String uri = exchange.getRequestURI().toString();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(new Request(exchange.getRequestMethod(), uri, exchange.getRequestHeaders().getFirst("Authorization"), body));
      Deque<Answer> queue = answers.get(exchange.getRequestMethod() + " " + uri);
      Answer a = queue == null ? new Answer(404, "text/plain", "no such route")
          : queue.size() > 1 ? queue.poll() : queue.peek();
      byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", a.contentType());
      exchange.sendResponseHeaders(a.status(), a.status() == 204 ? -1 : bytes.length);
      if (a.status() != 204) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
      exchange.close();
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  FakeApi on(String methodAndPath, int status, String json) {
    String type = status >= 400 && json.startsWith("{") ? "application/problem+json" : "application/json";
    answers.computeIfAbsent(methodAndPath, k -> new ArrayDeque<>()).add(new Answer(status, type, json));
    return this;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
