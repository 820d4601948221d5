package io.auditline.app.cli.logpush;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code auditline logpush}: manages Logpush jobs through the customer API (base URL from
 * {@code --api} or {@code data/dev.json}, token from {@code --token} or {@code $AUDITLINE_TOKEN}).
 * Exit codes: 0 done, 1 failed, 2 a wrong argument or a request the API refused (4xx).
 */
@Command(name = "logpush", mixinStandardHelpOptions = true,
    description = {"Manage Logpush jobs: deliver an account's audit logs in batches to its own storage.",
        "Talks to the customer API (--api, default from data/dev.json) with a logpush:write token (--token or $AUDITLINE_TOKEN).",
        "Exit codes: 0 done, 1 failed, 2 wrong arguments or a request the API refused (4xx)."},
    subcommands = {JobsCommand.class, OwnershipCommand.class, DeadLettersCommand.class, ReplayCommand.class})
public final class LogpushCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is required: jobs, ownership, dead-letters or replay");
  }
}
