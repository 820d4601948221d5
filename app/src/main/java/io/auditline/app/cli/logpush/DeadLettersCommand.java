package io.auditline.app.cli.logpush;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code auditline logpush dead-letters}: batches that failed for the whole retry window, and their redrive. */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
    description = "List a job's dead letters or redrive them to its current destination.",
    subcommands = {DeadLettersCommand.ListLetters.class, DeadLettersCommand.Redrive.class})
public final class DeadLettersCommand implements Runnable {

  private static final String TABLE = "%-36s  %-24s  %9s  %-22s  %-24s  %s%n";

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: list or redrive");
  }

  /** {@code --account} and {@code --job}. */
  abstract static class OfJob extends ApiCall {
    @Option(names = "--account", required = true, description = "The job's account")
    String account;

    @Option(names = "--job", required = true, description = "Job id")
    String job;

    String path(String rest) {
      return LogpushApi.path(account, "/jobs/" + LogpushApi.segment(job) + "/dead-letters" + rest);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List dead letters, oldest first.")
  static final class ListLetters extends OfJob {
    @Option(names = "--pending", description = "Only those not yet redriven")
    boolean pending;

    @Option(names = "--limit", defaultValue = "100", description = "At most this many, 1 .. 1000 (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    int run(LogpushApi api, PrintWriter out, PrintWriter err) throws IOException, ApiError, InterruptedException {
      JsonNode page = api.get(path("?limit=" + limit + (pending ? "&pending=true" : "")));
      out.printf(TABLE, "ID", "CREATED", "RECORDS", "REASON", "REDRIVEN", "OBJECT KEY");
      for (JsonNode d : page.path("result")) {
        out.printf(TABLE, d.path("id").asText(), d.path("created_at").asText(), JobText.number(d.path("records").asLong()),
            d.path("reason").asText(), d.path("redriven_at").isTextual() ? d.path("redriven_at").asText() : "-",
            d.path("object_key").asText());
        out.println("    " + d.path("error_message").asText());
      }
      return 0;
    }
  }

  @Command(name = "redrive", mixinStandardHelpOptions = true,
      description = "Deliver dead letters to the job's current destination under their original keys (all pending ones, or --id).")
  static final class Redrive extends OfJob {
    @Option(names = "--id", description = "Redrive only this dead letter")
    String id;

    @Override
    int run(LogpushApi api, PrintWriter out, PrintWriter err) throws IOException, ApiError, InterruptedException {
      if (id != null) {
        JsonNode r = api.post(path("/" + LogpushApi.segment(id) + "/redrive"), null).path("result");
        out.println("delivered " + JobText.number(r.path("records").asLong()) + " records to " + r.path("object_key").asText());
        return 0;
      }
      long delivered = 0;
      long already = 0;
      long failed = 0;
      JsonNode round;
      do { // each request redrives up to 100; go on while that makes progress without failures
        round = api.post(path("/redrive"), null).path("result");
        delivered += round.path("delivered").asLong();
        already += round.path("already_redriven").asLong();
        failed += round.path("failed").asLong();
        for (JsonNode f : round.path("failures")) {
          err.println("failed " + f.path("dead_letter_id").asText() + ": " + f.path("reason").asText() + ": "
              + f.path("message").asText());
        }
      } while (round.path("pending").asLong() > 0 && round.path("delivered").asLong() > 0 && round.path("failed").asLong() == 0);
      out.printf("redriven: %d delivered, %d already redriven, %d failed, %d still pending%n", delivered, already, failed,
          round.path("pending").asLong());
      return failed == 0 ? 0 : 1;
    }
  }
}
