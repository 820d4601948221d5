package io.auditline.app.cli.logpush;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code auditline logpush jobs}: create, list, show, enable, disable and delete jobs. */
@Command(name = "jobs", mixinStandardHelpOptions = true, description = "Create, list, show, enable, disable and delete Logpush jobs.",
    subcommands = {JobCreate.class, JobsCommand.ListJobs.class, JobsCommand.Get.class, JobsCommand.Enable.class,
        JobsCommand.Disable.class, JobsCommand.Delete.class})
public final class JobsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is required: create, list, get, enable, disable or delete");
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the account's jobs, oldest first.")
  static final class ListJobs extends ApiCall {
    static final int PAGE = 100;

    @Option(names = "--account", required = true, description = "Account whose jobs to list")
    String account;

    @Override
    int run(LogpushApi api, PrintWriter out, PrintWriter err) throws IOException, ApiError, InterruptedException {
      String cursor = null;
      boolean first = true;
      do {
        String query = "?limit=" + PAGE + (cursor == null ? "" : "&cursor=" + LogpushApi.segment(cursor));
        JsonNode page = api.get(LogpushApi.path(account, "/jobs" + query));
        if (first) {
          JobText.tableHeader(out);
          first = false;
        }
        page.path("result").forEach(job -> JobText.tableRow(job, out));
        JsonNode next = page.path("result_info").path("cursor");
        cursor = next.isTextual() ? next.asText() : null;
      } while (cursor != null);
      return 0;
    }
  }

  /** A subcommand about one job: {@code --account} and {@code --id}. */
  abstract static class OneJob extends ApiCall {
    @Option(names = "--account", required = true, description = "The job's account")
    String account;

    @Option(names = "--id", required = true, description = "Job id")
    String id;

    String jobPath() {
      return LogpushApi.path(account, "/jobs/" + LogpushApi.segment(id));
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true,
      description = "Show a job: settings and health (last_complete, last_error, error_message, lag, dead letters).")
  static final class Get extends OneJob {
    @Option(names = "--json", description = "Print the job as JSON")
    boolean json;

    @Override
    int run(LogpushApi api, PrintWriter out, PrintWriter err) throws IOException, ApiError, InterruptedException {
      JsonNode job = api.get(jobPath()).path("result");
      if (json) {
        out.println(LogpushApi.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(job));
      } else {
        JobText.detail(job, out);
      }
      return 0;
    }
  }

  @Command(name = "enable", mixinStandardHelpOptions = true,
      description = "Enable a job; its destination must be proven, earlier or with --verify-credentials/--challenge now.")
  static final class Enable extends OneJob {
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Proof proof;

    @Override
    int run(LogpushApi api, PrintWriter out, PrintWriter err) throws IOException, ApiError, InterruptedException {
      ObjectNode body = LogpushApi.JSON.createObjectNode().put("enabled", true);
      Proof.addTo(proof, body);
      JobText.summary(api.patch(jobPath(), body).path("result"), out);
      return 0;
    }
  }

  @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable a job; it keeps its position.")
  static final class Disable extends OneJob {
    @Override
    int run(LogpushApi api, PrintWriter out, PrintWriter err) throws IOException, ApiError, InterruptedException {
      JobText.summary(api.patch(jobPath(), LogpushApi.JSON.createObjectNode().put("enabled", false)).path("result"), out);
      return 0;
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true,
      description = "Delete a job with its positions, dead letters and replays (delivered objects stay).")
  static final class Delete extends OneJob {
    @Override
    int run(LogpushApi api, PrintWriter out, PrintWriter err) throws IOException, ApiError, InterruptedException {
      api.delete(jobPath());
      out.println("deleted job " + id);
      return 0;
    }
  }
}
