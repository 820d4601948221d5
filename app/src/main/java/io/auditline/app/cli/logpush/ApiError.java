package io.auditline.app.cli.logpush;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/**
 * An error answer of the API: its status and, when the body is {@code application/problem+json},
 * the problem's title, detail and invalid parameters.
 */
final class ApiError extends Exception {
  private static final long serialVersionUID = 1L;
  private static final int MAX_BODY_SHOWN = 300;

  private final int status;
  private final transient JsonNode problem;
  private final String body;

  ApiError(int status, JsonNode problem, String body) {
    super("HTTP " + status, null, false, false);
    this.status = status;
    this.problem = problem;
    this.body = body;
  }

  int status() {
    return status;
  }

  /** 2 for the caller's mistakes (4xx), 1 for everything else. */
  int exitCode() {
    return status >= 400 && status < 500 ? 2 : 1;
  }

  /** {@code error: <title> (HTTP <status>): <detail>}, then one line per invalid parameter. */
  void print(PrintWriter err) {
    if (problem == null || !problem.isObject()) {
      String text = body == null ? "" : body.strip();
      err.println("error: HTTP " + status + (text.isEmpty() ? "" : ": " + abbreviate(text)));
      return;
    }
    String title = problem.path("title").asText("Error");
    String detail = problem.path("detail").asText("");
    err.println("error: " + title + " (HTTP " + status + ")" + (detail.isEmpty() ? "" : ": " + detail));
    for (JsonNode param : problem.path("invalid_params")) {
      err.println("  " + param.path("name").asText("?") + ": " + param.path("reason").asText(""));
    }
  }

  private static String abbreviate(String text) {
    String oneLine = text.replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_BODY_SHOWN ? oneLine : oneLine.substring(0, MAX_BODY_SHOWN) + "...";
  }
}
