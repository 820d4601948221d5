package io.auditline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditline.app.cli.SendCommand;
import io.auditline.app.cli.TokensCommand;
import io.auditline.app.cli.logpush.LogpushCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The README's Logpush walk-through against the assembled dev server (real Kafka and PostgreSQL):
 * a logpush:write token, a file:// job proven with verify_credentials and enabled, events through
 * the real ingest RPC, every event in the gzip NDJSON objects exactly once, then a replay of the
 * last hour.
 */
class LogpushCliIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EVENTS = 25;

  private static DevServer dev;

  @TempDir Path out;

  private final List<String> printed = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    dev = new DevServer();
  }

  @AfterAll
  static void stop() {
    dev.close();
  }

  @Test
  void aFileJobDeliversEveryEventOnceAndAReplayRewritesTheLastHour() throws Exception {
    String account = "acct-logpush-" + System.nanoTime();
    String token = token(account);
    String destination = "file://" + out + "/{DATE}";

    Result refused = logpush(token, "jobs", "create", "--account", account, "--name", "bad", "--destination", destination,
        "--max-age", "0s");
    assertThat(refused.code).isEqualTo(2);
    assertThat(refused.err).contains("Invalid request body (HTTP 422)").contains("max_age: ").contains("is out of range (expected: 1s .. 1h)");

    Result created = logpush(token, "jobs", "create", "--account", account, "--name", "cli-it", "--destination", destination,
        "--verify-credentials", "--enable", "--max-age", "1s");
    assertThat(created.code).as(created.err).isZero();
    assertThat(created.out).contains("enabled         true").contains(destination);
    String job = group(created.out, "id\\s+(\\S+)");

    List<String> sent = send(account);

    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(ids(live())).containsExactlyInAnyOrderElementsOf(sent));
    assertThat(live()).allSatisfy(f -> assertThat(f.getFileName().toString()).matches(job + "-p\\d+-\\d{20}\\.ndjson\\.gz"));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(dev.http("/metrics").lines())
        .anyMatch(l -> l.startsWith("auditline_logpush_records_total{job_id=\"" + job + "\"") && l.endsWith(" " + EVENTS + ".0")));

    Result shown = logpush(token, "jobs", "get", "--account", account, "--id", job);
    assertThat(shown.code).isZero();
    assertThat(shown.out).contains("healthy").doesNotContain("never").contains("error_message   -");
    assertThat(logpush(token, "jobs", "list", "--account", account).out).contains(job).contains("cli-it");
    assertThat(logpush(token, "dead-letters", "list", "--account", account, "--job", job).out.lines()).hasSize(1);

    Result replayed = logpush(token, "replay", "--account", account, "--job", job, "--since", "1h");
    assertThat(replayed.code).as(replayed.err).isZero();
    String replay = group(replayed.out, "replay (\\S+) completed");
    assertThat(replayed.err).contains("100% ");
    assertThat(ids(under("replays/" + replay + "/"))).containsExactlyInAnyOrderElementsOf(sent);

    assertThat(logpush(token, "jobs", "disable", "--account", account, "--id", job).out).contains("enabled         false");
    assertThat(logpush(token, "jobs", "delete", "--account", account, "--id", job).code).isZero();
    Result gone = logpush(token, "jobs", "get", "--account", account, "--id", job);
    assertThat(gone.code).isEqualTo(2);
    assertThat(gone.err).contains("Not found (HTTP 404)");

    assertThat(String.join("\n", printed)).doesNotContain(token);
  }

  private static String token(String account) {
    String created = Cli.run(new TokensCommand(), 0, "create", "--dev-json", dev.devJson.toString(), "--account", account,
        "--scope", "logpush:write");
    return group(created, "(alt_[A-Za-z0-9_-]+)");
  }

  private static List<String> send(String account) {
    String sent = Cli.run(new SendCommand(), 0, "--dev-json", dev.devJson.toString(), "--account", account,
        "--count", Integer.toString(EVENTS));
    List<String> ids = new ArrayList<>();
    Matcher m = Pattern.compile("accepted\\s+(\\S+)").matcher(sent);
    while (m.find()) {
      ids.add(m.group(1));
    }
    assertThat(ids).hasSize(EVENTS);
    return ids;
  }

  private record Result(int code, String out, String err) {}

  private Result logpush(String token, String... args) {
    String[] all = Stream.concat(Stream.of(args), Stream.of("--dev-json", dev.devJson.toString(), "--token", token))
        .toArray(String[]::new);
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    CommandLine cli = new CommandLine(new LogpushCommand());
    cli.setOut(new PrintWriter(stdout, true));
    cli.setErr(new PrintWriter(stderr, true));
    int code = cli.execute(all);
    printed.add(stdout.toString());
    printed.add(stderr.toString());
    return new Result(code, stdout.toString(), stderr.toString());
  }

  /** The live objects: every gzip NDJSON file outside replays/. */
  private List<Path> live() throws IOException {
    return objects().stream().filter(p -> !out.relativize(p).toString().contains("replays/")).toList();
  }

  private List<Path> under(String part) throws IOException {
    return objects().stream().filter(p -> out.relativize(p).toString().contains(part)).toList();
  }

  private List<Path> objects() throws IOException {
    try (Stream<Path> files = Files.walk(out)) {
      return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".ndjson.gz")).toList();
    }
  }

  /** The event ids of every line of the objects, duplicates kept. */
  private static List<String> ids(List<Path> objects) {
    List<String> ids = new ArrayList<>();
    for (Path object : objects) {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(new GZIPInputStream(Files.newInputStream(object)), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          JsonNode event = JSON.readTree(line);
          ids.add(event.path("id").asText());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(object.toString(), e);
      }
    }
    return ids;
  }

  private static String group(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("%s in:%n%s", regex, text).isTrue();
    return m.group(1);
  }
}
