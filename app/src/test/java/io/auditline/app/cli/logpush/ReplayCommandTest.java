package io.auditline.app.cli.logpush;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The replay command's follow loop and exit codes, against a local fake of the API. */
class ReplayCommandTest {

  private static final String REPLAYS = "/v1/accounts/acct/logpush/jobs/job-1/replays";
  private static final String ONE = REPLAYS + "/r-1";

  private FakeApi api;

  @BeforeEach
  void start() throws Exception {
    api = new FakeApi();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void createsTheReplayFollowsItAndExits0WhenItCompletes() {
    api.on("POST " + REPLAYS, 202, replay("pending", 0, "null", "null", 0))
        .on("GET " + ONE, 200, replay("running", 50, "100", "50", 1))
        .on("GET " + ONE, 200, replay("completed", 100, "100", "100", 2));

    Run r = run("--since", "2026-05-01T00:00:00Z", "--before", "2026-05-01T01:00:00+01:00");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(api.requests.getFirst().body()).isEqualTo("{\"since\":\"2026-05-01T00:00:00Z\",\"before\":\"2026-05-01T00:00:00Z\"}");
    assertThat(api.requests).allSatisfy(q -> assertThat(q.authorization()).isEqualTo("Bearer alt_test"));
    assertThat(r.out()).contains("replay r-1 of job job-1").contains("replay r-1 completed: 100 records read from kafka, 2 objects under replays/r-1/");
    assertThat(r.err().lines()).containsExactly(
        "[" + "#".repeat(15) + ".".repeat(15) + "] 50% 50/100 records, 1 objects",
        "[" + "#".repeat(30) + "] 100% 100/100 records, 2 objects");
  }

  @Test
  void aFailedReplayExits1WithItsMessage() {
    api.on("GET " + ONE, 200, replay("failed", 3, "10", "30", 0).replace("\"error_message\":null", "\"error_message\":\"the job was deleted\""));

    Run r = run("--follow", "r-1");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("error: replay r-1 failed: the job was deleted");
  }

  @Test
  void noWaitPrintsHowToFollow() {
    api.on("POST " + REPLAYS, 202, replay("pending", 0, "null", "null", 0));

    Run r = run("--since", "1h", "--no-wait");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("auditline logpush replay --account acct --job job-1 --follow r-1");
    assertThat(api.requests).hasSize(1);
  }

  @Test
  void aRefusedRequestExits2WithTheProblem() {
    api.on("POST " + REPLAYS, 409, """
        {"type":"urn:auditline:problem:conflict","title":"Conflict","status":409,"detail":"The job's destination is not proven."}""");

    Run r = run("--since", "1h");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualToIgnoringNewLines("error: Conflict (HTTP 409): The job's destination is not proven.");
  }

  @Test
  void aServerErrorExits1() {
    api.on("GET " + ONE, 503, """
        {"type":"urn:auditline:problem:unavailable","title":"Service unavailable","status":503,"detail":"retry later"}""");

    Run r = run("--follow", "r-1");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("Service unavailable (HTTP 503): retry later");
  }

  private Run run(String... args) {
    String[] all = new String[args.length + 8];
    System.arraycopy(new String[] {"--api", api.url(), "--token", "alt_test", "--account", "acct", "--job", "job-1"}, 0, all, 0, 8);
    System.arraycopy(args, 0, all, 8, args.length);
    return Run.of(new ReplayCommand(), c -> {
      c.terminal = () -> false;
      c.pollEvery = Duration.ofMillis(5);
    }, all);
  }

  private static String replay(String state, long done, String total, String percent, int objects) {
    return """
        {"result":{"id":"r-1","job_id":"job-1","since":"2026-05-01T00:00:00Z","before":"2026-05-01T01:00:00Z","state":"%s",
         "source":"kafka","total_records":%s,"delivered_records":%d,"objects":%d,"progress_percent":%s,"error_message":null,
         "key_prefix":"replays/r-1/"}}""".formatted(state, total, done, objects, percent);
  }
}
