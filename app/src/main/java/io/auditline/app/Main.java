package io.auditline.app;

import io.auditline.app.cli.DetectCommand;
import io.auditline.app.cli.DevCommand;
import io.auditline.app.cli.SendCommand;
import io.auditline.app.cli.ServeCommand;
import io.auditline.app.cli.TokensCommand;
import io.auditline.app.cli.logpush.LogpushCommand;
import io.auditline.platform.logging.Logging;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code auditline} command line. */
@Command(
    name = "auditline",
    mixinStandardHelpOptions = true,
    version = "auditline 0.1.0",
    description = "Audit-log platform: mTLS gRPC ingestion into Kafka, PostgreSQL index, query API and Logpush.",
    subcommands = {DevCommand.class, ServeCommand.class, SendCommand.class, TokensCommand.class, LogpushCommand.class, DetectCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    Logging.install();
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
