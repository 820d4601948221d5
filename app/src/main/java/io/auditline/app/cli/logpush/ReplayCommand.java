package io.auditline.app.cli.logpush;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code auditline logpush replay}: re-delivers a time range of a job's events under {@code replays/<id>/} and follows it. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Re-deliver a job's events whose occurred_at is in [--since, --before) under replays/<id>/,"
        + " then follow the replay until it ends (exit 0 completed, 1 failed).",
        "Times: RFC 3339 (2026-05-01T00:00:00Z), now, or a duration before now (15m, 1h, 7d)."})
final class ReplayCommand extends ApiCall {

  static final Duration POLL_EVERY = Duration.ofMillis(500);
  private static final Set<String> FINAL = Set.of("completed", "failed");

  @Option(names = "--account", required = true, description = "The job's account")
  String account;

  @Option(names = "--job", required = true, description = "Job id")
  String job;

  @Option(names = "--since", paramLabel = "TIME", description = "Start of the range, inclusive (required unless --follow)")
  String since;

  @Option(names = "--before", paramLabel = "TIME", defaultValue = "now", description = "End of the range, exclusive (default: ${DEFAULT-VALUE})")
  String before;

  @Option(names = "--no-wait", description = "Print the replay and return at once")
  boolean noWait;

  @Option(names = "--follow", paramLabel = "REPLAY_ID", description = "Follow an existing replay instead of creating one")
  String follow;

  /** Whether stderr gets a redrawn bar; tests fix it. */
  BooleanSupplier terminal = ReplayProgress::interactive;
  /** How often the replay is read again; tests shorten it. */
  Duration pollEvery = POLL_EVERY;

  @Override
  int run(LogpushApi api, PrintWriter out, PrintWriter err) throws IOException, ApiError, InterruptedException {
    JsonNode replay = follow != null ? api.get(replayPath(follow)).path("result") : create(api, out);
    String id = replay.path("id").asText();
    if (noWait) {
      out.printf("follow it with: auditline logpush replay --account %s --job %s --follow %s%n", account, job, id);
      return 0;
    }
    ReplayProgress progress = new ReplayProgress(err, terminal.getAsBoolean());
    while (!FINAL.contains(replay.path("state").asText())) {
      progress.update(replay);
      Thread.sleep(pollEvery.toMillis());
      replay = api.get(replayPath(id)).path("result");
    }
    progress.finish(replay);
    if (replay.path("state").asText().equals("failed")) {
      err.println("error: replay " + id + " failed: " + replay.path("error_message").asText("(no message)"));
      return 1;
    }
    out.printf("replay %s completed: %s records read from %s, %s objects under %s%n", id,
        JobText.number(replay.path("delivered_records").asLong()), replay.path("source").asText("?"),
        JobText.number(replay.path("objects").asLong()), replay.path("key_prefix").asText());
    return 0;
  }

  private JsonNode create(LogpushApi api, PrintWriter out) throws IOException, ApiError, InterruptedException {
    if (since == null) {
      throw new UsageException("--since is required (or --follow REPLAY_ID to follow an existing replay)");
    }
    Instant now = Instant.now();
    ObjectNode body = LogpushApi.JSON.createObjectNode()
        .put("since", TimeArg.parse("--since", since, now).toString())
        .put("before", TimeArg.parse("--before", before, now).toString());
    JsonNode replay = api.post(LogpushApi.path(account, "/jobs/" + LogpushApi.segment(job) + "/replays"), body).path("result");
    out.printf("replay %s of job %s: occurred_at in [%s, %s), objects under %s%n", replay.path("id").asText(), job,
        replay.path("since").asText(), replay.path("before").asText(), replay.path("key_prefix").asText());
    return replay;
  }

  private String replayPath(String id) {
    return LogpushApi.path(account, "/jobs/" + LogpushApi.segment(job) + "/replays/" + LogpushApi.segment(id));
  }
}
