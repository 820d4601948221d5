package io.auditline.app.cli.logpush;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Console;
import java.io.PrintWriter;

/**
 * Shows a replay's progress on stderr: one bar redrawn in place with {@code \r} on a terminal,
 * otherwise one line each time another 10% is done (logs and CI stay short).
 */
final class ReplayProgress {

  static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean terminal;
  private int lastDecile = -1;
  private int drawnLength;

  ReplayProgress(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  /** {@code [#########.....] 63% 1,234,567/1,950,000 records, 12 objects}; before the total is known, {@code --%} and the state. */
  static String line(JsonNode replay) {
    long done = replay.path("delivered_records").asLong();
    long objects = replay.path("objects").asLong();
    JsonNode percent = replay.path("progress_percent");
    JsonNode total = replay.path("total_records");
    if (!percent.isNumber() || !total.isNumber()) {
      return "[%s] --%% %s records, %s objects (%s)".formatted(".".repeat(WIDTH), JobText.number(done),
          JobText.number(objects), replay.path("state").asText("pending"));
    }
    int p = Math.max(0, Math.min(100, percent.asInt()));
    int filled = p * WIDTH / 100;
    return "[%s%s] %d%% %s/%s records, %s objects".formatted("#".repeat(filled), ".".repeat(WIDTH - filled), p,
        JobText.number(done), JobText.number(total.asLong()), JobText.number(objects));
  }

  /** Shows the replay's latest state. */
  void update(JsonNode replay) {
    String line = line(replay);
    if (terminal) {
      err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
      drawnLength = line.length();
    } else if (replay.path("progress_percent").isNumber()) {
      int decile = Math.max(0, Math.min(100, replay.path("progress_percent").asInt())) / 10;
      if (decile > lastDecile) {
        err.println(line);
        lastDecile = decile;
      }
    }
    err.flush();
  }

  /** Shows the final state and ends the bar's line. */
  void finish(JsonNode replay) {
    update(replay);
    if (terminal) {
      err.println();
      err.flush();
    }
  }

  /**
   * Whether the process talks to a terminal. Java cannot ask about stderr alone: this asks the
   * console (stdin and stdout), which is what an interactive run has.
   */
  static boolean interactive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try { // Console.isTerminal() exists from Java 22 on, where System.console() is no longer null when redirected
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException | ClassCastException e) {
      return true;
    }
  }
}
