package io.auditline.app.cli.logpush;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Runs a command as the binary would, capturing stdout, stderr and the exit code. */
record Run(int code, String out, String err) {

  static <T> Run of(T command, String... args) {
    return of(command, c -> { }, args);
  }

  /** {@code setUp} sees the command after picocli injected its mixins, before it runs. */
  static <T> Run of(T command, Consumer<T> setUp, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    setUp.accept(command);
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
