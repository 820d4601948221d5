package io.auditline.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.auditline.detect.notify.SignatureVerifier;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code auditline detect webhook-receiver}: a local endpoint that prints the alert webhooks it
 * receives and whether their signature verifies, for trying alert policies out in dev mode.
 */
@Command(name = "webhook-receiver", mixinStandardHelpOptions = true,
    description = "Listen on 127.0.0.1 and print alert webhooks, verifying their X-Auditline-Signature.")
public final class WebhookReceiverCommand implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "9099", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--secret", required = true, description = "The webhook secret given in the policy's channel")
  String secret;

  /** Where the notifications are printed; System.out unless a test swaps it. */
  PrintStream out = System.out;

  @Override
  public Integer call() throws Exception {
    SignatureVerifier verifier = new SignatureVerifier(secret);
    ObjectMapper json = new ObjectMapper();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String signature = exchange.getRequestHeaders().getFirst("X-Auditline-Signature");
      boolean valid = signature != null && verifier.verify(signature, body);
      exchange.sendResponseHeaders(valid ? 204 : 401, -1);
      exchange.close();
      print(json, body, valid, exchange.getRequestHeaders().getFirst("X-Auditline-Delivery"));
    });
    server.start();
    out.println("webhook-receiver: listening on http://127.0.0.1:" + server.getAddress().getPort() + "/  (Ctrl-C to stop)");
    out.flush();
    CountDownLatch forever = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    forever.await();
    return 0;
  }

  private synchronized void print(ObjectMapper json, byte[] body, boolean valid, String delivery) {
    try {
      JsonNode n = json.readTree(body);
      out.printf("%s  %s  zone=%s  observed=%d expected=%.1f score=%.2f  top rule=%s  top ip=%s  signature=%s  delivery=%s%n",
          n.path("occurred_at").asText(), n.path("type").asText(), n.path("zone_id").asText(), n.path("observed").asLong(),
          n.path("expected").asDouble(), n.path("score").asDouble(), n.path("top_rules").path(0).path("name").asText("-"),
          n.path("top_client_ips").path(0).path("name").asText("-"), valid ? "valid" : "INVALID", delivery);
    } catch (java.io.IOException e) {
      out.println("received a body that is not JSON (" + body.length + " bytes), signature=" + (valid ? "valid" : "INVALID"));
    }
    out.flush();
  }
}
