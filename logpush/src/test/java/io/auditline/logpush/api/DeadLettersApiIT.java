package io.auditline.logpush.api;

import static io.auditline.logpush.api.LogpushApi.job;
import static io.auditline.logpush.api.LogpushApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditline.logpush.deadletter.DeadLetter;
import io.auditline.store.token.Scope;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dead letters over HTTP: listing, redriving one or all against the fake destination, and the job's health. */
class DeadLettersApiIT {

  private static final String JOBS = "/v1/accounts/acct-d/logpush/jobs";
  private static LogpushApi api;
  private static String writer;

  @BeforeAll
  static void setUp() {
    api = new LogpushApi("dead_letters_api_it");
    writer = api.token("acct-d", Scope.LOGPUSH_WRITE);
  }

  @AfterAll
  static void tearDown() {
    api.close();
  }

  @Test
  void listsAndRedrivesDeadLettersToTheJobsDestination() throws Exception {
    String jobId = api.createJob("acct-d", writer, job("dl", "fake://dl-bucket/logs?secret=s", "")).get("id").asText();
    String path = JOBS + "/" + jobId + "/dead-letters";
    DeadLetter first = letter(jobId, "logs/a.ndjson", 0);
    DeadLetter second = letter(jobId, "logs/b.ndjson", 1);
    api.deadLetters.add(first, "first\n".getBytes(StandardCharsets.UTF_8));
    api.deadLetters.add(second, "second\n".getBytes(StandardCharsets.UTF_8));
    assertThat(json(api.get(JOBS + "/" + jobId, writer)).at("/result/health/dead_letters_pending").asLong()).isEqualTo(2);

    JsonNode listed = json(api.get(path, writer));
    assertThat(listed.at("/result_info/count").asInt()).isEqualTo(2);
    assertThat(listed.at("/result/0/object_key").asText()).isEqualTo("logs/a.ndjson");
    JsonNode one = json(api.get(path + "/" + first.id(), writer)).get("result");
    assertThat(one.get("records").asInt()).isEqualTo(10);
    assertThat(one.get("partition").asInt()).isEqualTo(3);
    assertThat(one.get("redriven_at").isNull()).isTrue();
    assertThat(api.get(path + "/" + UUID.randomUUID(), writer).statusCode()).isEqualTo(404);
    assertThat(api.get(path + "?pending=maybe", writer).statusCode()).isEqualTo(400);
    assertThat(api.get(path + "?limit=0", writer).statusCode()).isEqualTo(400);

    HttpResponse<String> redriven = api.post(path + "/" + first.id() + "/redrive", writer, null);
    assertThat(redriven.statusCode()).as(redriven.body()).isEqualTo(200);
    assertThat(json(redriven).at("/result/outcome").asText()).isEqualTo("delivered");
    assertThat(new String(api.destinations.object("dl-bucket", "logs/a.ndjson"), StandardCharsets.UTF_8)).isEqualTo("first\n");
    HttpResponse<String> again = api.post(path + "/" + first.id() + "/redrive", writer, null);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again).get("detail").asText()).contains("already redriven");
    assertThat(json(api.get(path + "?pending=true", writer)).get("result")).singleElement()
        .satisfies(d -> assertThat(d.get("id").asText()).isEqualTo(second.id().toString()));

    JsonNode all = json(api.post(path + "/redrive", writer, null)).get("result");
    assertThat(all.get("delivered").asInt()).isEqualTo(1);
    assertThat(all.get("failed").asInt()).isZero();
    assertThat(all.get("pending").asLong()).isZero();
    assertThat(api.destinations.keys("dl-bucket")).containsExactly("logs/a.ndjson", "logs/b.ndjson");
    assertThat(json(api.get(path + "?pending=true", writer)).get("result")).isEmpty();

    String otherJob = api.createJob("acct-d", writer, job("dl-other", "fake://dl-bucket/x", "")).get("id").asText();
    assertThat(api.get(JOBS + "/" + otherJob + "/dead-letters/" + second.id(), writer).statusCode()).isEqualTo(404);
    assertThat(api.post(JOBS + "/" + otherJob + "/dead-letters/" + second.id() + "/redrive", writer, null).statusCode()).isEqualTo(404);
  }

  @Test
  void aDestinationThatRefusesTheBatchIsABadGateway() throws Exception {
    String jobId = api.createJob("acct-d", writer, job("refusing", "fake://refusing/x?reject=true&secret=s3cr3t", "")).get("id").asText();
    DeadLetter letter = letter(jobId, "x/1.ndjson", 0);
    api.deadLetters.add(letter, new byte[] {1});
    HttpResponse<String> r = api.post(JOBS + "/" + jobId + "/dead-letters/" + letter.id() + "/redrive", writer, null);
    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(json(r).get("detail").asText()).contains("access_denied").contains("denied the write (403)").doesNotContain("s3cr3t");
    JsonNode all = json(api.post(JOBS + "/" + jobId + "/dead-letters/redrive", writer, null)).get("result");
    assertThat(all.get("failed").asInt()).isEqualTo(1);
    assertThat(all.at("/failures/0/dead_letter_id").asText()).isEqualTo(letter.id().toString());
    assertThat(all.get("pending").asLong()).isEqualTo(1);
  }

  @Test
  void reportsLagAndHealthFromTheJobsRows() throws Exception {
    String jobId = api.createJob("acct-d", writer, job("health", "fake://h/x", "")).get("id").asText();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    api.sql("UPDATE logpush_jobs SET last_complete = '" + now.minusSeconds(600) + "', last_error = '" + now.minusSeconds(60)
        + "', error_message = 'timeout: the bucket did not answer', consecutive_failures = 2 WHERE id = '" + jobId + "'");
    api.sql("INSERT INTO logpush_positions (job_id, kafka_partition, next_offset, lag_records) VALUES ('" + jobId + "', 0, 5, 10),"
        + " ('" + jobId + "', 1, 7, 5)");
    JsonNode health = json(api.get(JOBS + "/" + jobId, writer)).at("/result/health");
    assertThat(health.get("lag_records").asLong()).isEqualTo(15);
    assertThat(health.get("lag_seconds").asLong()).isBetween(600L, 3600L);
    assertThat(health.get("healthy").asBoolean()).isFalse();
    assertThat(health.get("error_message").asText()).isEqualTo("timeout: the bucket did not answer");
    assertThat(health.get("consecutive_failures").asInt()).isEqualTo(2);
    assertThat(Instant.parse(health.get("last_complete").asText())).isEqualTo(now.minusSeconds(600));

    api.sql("UPDATE logpush_jobs SET last_complete = now(), consecutive_failures = 0 WHERE id = '" + jobId + "'");
    api.sql("UPDATE logpush_positions SET lag_records = 0 WHERE job_id = '" + jobId + "'");
    JsonNode recovered = json(api.get(JOBS + "/" + jobId, writer)).at("/result/health");
    assertThat(recovered.get("healthy").asBoolean()).isTrue();
    assertThat(recovered.get("lag_seconds").asLong()).isZero();
  }

  private static DeadLetter letter(String jobId, String key, int seq) {
    return new DeadLetter(UUID.randomUUID(), UUID.fromString(jobId), "acct-d", key, "idem-" + key, Optional.of(3),
        Optional.of(100L + seq * 10), Optional.of(109L + seq * 10), 10, "rejected", "access denied", 5, "application/x-ndjson",
        "", Instant.now().plusMillis(seq), Optional.empty());
  }
}
