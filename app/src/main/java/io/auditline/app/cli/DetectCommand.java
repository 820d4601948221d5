package io.auditline.app.cli;

import io.auditline.detect.cli.EvaluateCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code auditline detect}: attack detection tools: the evaluation harness and the dev-mode walk-through helpers. */
@Command(name = "detect", mixinStandardHelpOptions = true,
    description = "Attack detection: evaluate the detectors (NAB score, attack benchmark, cost), send a sample attack,"
        + " receive alert webhooks locally.",
    subcommands = {EvaluateCommand.class, SampleAttackCommand.class, WebhookReceiverCommand.class})
public final class DetectCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
