package io.auditline.app.cli.logpush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LogpushArgumentsTest {

  private static final String UNREACHABLE = "http://127.0.0.1:1";

  @TempDir Path dir;

  @Test
  void createSendsEveryGivenOptionAsTheApiNamesIt() throws Exception {
    JobCreate create = parse(new JobCreate(), "--account", "acct", "--name", "audit", "--destination", "file:///srv/logs/{DATE}",
        "--max-age", "5s", "--max-records", "500", "--max-bytes", "2048", "--format", "csv", "--fields", "id, action.type",
        "--filter", "{\"where\":{\"key\":\"action.type\",\"operator\":\"eq\",\"value\":\"user.login\"}}",
        "--verify-credentials", "--enable");

    assertThat(json(create.body().toString())).isEqualTo(json("""
        {"name":"audit","destination":"file:///srv/logs/{DATE}","max_age":"5s","max_records":500,"max_bytes":2048,
         "output_options":{"format":"csv","fields":["id","action.type"]},
         "filter":{"where":{"key":"action.type","operator":"eq","value":"user.login"}},
         "ownership":"verify_credentials","enabled":true}"""));
  }

  @Test
  void createLeavesOutWhatWasNotGivenSoServerDefaultsApply() throws Exception {
    JobCreate create = parse(new JobCreate(), "--account", "acct", "--name", "n", "--destination", "s3://b/p?region=eu-west-1",
        "--challenge", "tok123", "--max-age", "30");

    assertThat(json(create.body().toString())).isEqualTo(json("""
        {"name":"n","destination":"s3://b/p?region=eu-west-1","max_age":30,"ownership_challenge":"tok123"}"""));
  }

  @Test
  void aFilterThatIsNotJsonIsAnInputError() {
    Run r = Run.of(new JobCreate(), "--api", UNREACHABLE, "--token", "alt_x", "--account", "a", "--name", "n",
        "--destination", "file:///x", "--filter", "{where:");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--filter: not JSON");
  }

  @Test
  void verifyCredentialsAndChallengeExcludeEachOther() {
    Run r = Run.of(new JobCreate(), "--token", "t", "--account", "a", "--name", "n", "--destination", "file:///x",
        "--verify-credentials", "--challenge", "tok");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("mutually exclusive");
  }

  @Test
  void missingRequiredOptionsAreInputErrors() {
    assertThat(Run.of(new JobsCommand(), "get", "--account", "a").code()).isEqualTo(2);
    assertThat(Run.of(new LogpushCommand()).code()).isEqualTo(2);
    Run noSince = Run.of(new ReplayCommand(), "--api", UNREACHABLE, "--token", "t", "--account", "a", "--job", "j");
    assertThat(noSince.code()).isEqualTo(2);
    assertThat(noSince.err()).contains("--since is required");
  }

  @Test
  void withoutATokenItSaysHowToGetOne() {
    Run r = Run.of(new JobsCommand.ListJobs(), c -> c.apiOptions.env = name -> null, "--api", UNREACHABLE, "--account", "a");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("pass --token or set AUDITLINE_TOKEN").contains("--scope logpush:write");
  }

  @Test
  void theTokenComesFromTheEnvironmentAndIsNeverPrinted() {
    String secret = "alt_0123456789abcdef_SECRETSECRETSECRET";
    Run r = Run.of(new JobsCommand.ListJobs(), c -> c.apiOptions.env = name -> name.equals("AUDITLINE_TOKEN") ? secret : null,
        "--api", UNREACHABLE, "--account", "a");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("cannot connect to the API at " + UNREACHABLE);
    assertThat(r.out() + r.err()).doesNotContain(secret);
  }

  @Test
  void theApiDefaultsToDevJsonThenToLocalhost() throws Exception {
    ApiOptions options = new ApiOptions();
    options.devJson = dir.resolve("dev.json");
    assertThat(options.baseUri()).hasToString("http://localhost:8081");

    Files.writeString(options.devJson, "{\"api\":\"http://localhost:18081\"}");
    assertThat(options.baseUri()).hasToString("http://localhost:18081");

    options.api = "https://api.example.com/";
    assertThat(options.baseUri()).hasToString("https://api.example.com");

    options.api = "localhost:8081";
    assertThatThrownBy(options::baseUri).isInstanceOf(UsageException.class).hasMessageContaining("--api");
  }

  @Test
  void timesAreRfc3339NowOrADurationAgo() {
    Instant now = Instant.parse("2026-05-01T12:00:00Z");

    assertThat(TimeArg.parse("--since", "now", now)).isEqualTo(now);
    assertThat(TimeArg.parse("--since", "1h", now)).isEqualTo(Instant.parse("2026-05-01T11:00:00Z"));
    assertThat(TimeArg.parse("--since", "90s", now)).isEqualTo(Instant.parse("2026-05-01T11:58:30Z"));
    assertThat(TimeArg.parse("--since", "7d", now)).isEqualTo(Instant.parse("2026-04-24T12:00:00Z"));
    assertThat(TimeArg.parse("--since", "2026-05-01T14:00:00+02:00", now)).isEqualTo(now);
    assertThatThrownBy(() -> TimeArg.parse("--before", "yesterday", now))
        .isInstanceOf(UsageException.class).hasMessageContaining("--before: 'yesterday' (expected: an RFC 3339 time");
  }

  private static <T> T parse(T command, String... args) {
    new CommandLine(command).parseArgs(args);
    return command;
  }

  private static JsonNode json(String text) throws Exception {
    return LogpushApi.JSON.readTree(text);
  }
}
