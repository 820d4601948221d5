package io.auditline.platform.profiling;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writing the admin endpoints' responses: short text errors and downloadable files. */
final class HttpResponses {

  private HttpResponses() {}

  static void text(HttpExchange exchange, int status, String message) throws IOException {
    byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Sends {@code file} as {@code type}; {@code attachment} names the download, null to show it inline. */
  static void file(HttpExchange exchange, Path file, String type, String attachment) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    if (attachment != null) {
      exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + attachment + "\"");
    }
    exchange.sendResponseHeaders(200, Files.size(file));
    try (InputStream in = Files.newInputStream(file); OutputStream out = exchange.getResponseBody()) {
      in.transferTo(out);
    }
  }
}
