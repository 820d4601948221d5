package io.auditline.logpush.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditline.logpush.job.BatchLimits;
import io.auditline.logpush.job.Job;
import io.auditline.logpush.support.Events;
import io.auditline.logpush.support.Ndjson;
import io.auditline.proto.v1.AuditEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelEncoderTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ExecutorService pool = Executors.newFixedThreadPool(3);
  private final ParallelEncoder encoder = new ParallelEncoder(pool);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void chunksEncodedInParallelConcatenateIntoOneBodyInOrder() {
    List<String> ids = new ArrayList<>();
    List<byte[]> values = new ArrayList<>();
    for (int i = 0; i < ParallelEncoder.CHUNK_RECORDS * 3 + 17; i++) {
      AuditEvent event = Events.valid(i % 10 == 0 ? "someone-else" : "acct-1").build();
      if (i % 10 != 0) {
        ids.add(event.getId());
      }
      values.add(event.toByteArray());
    }
    values.add(new byte[] {(byte) 0xFF, (byte) 0xFF, 0x01});

    JobFormat.Encoded encoded = encoder.encode(JobFormats.forJob(job("{}")), "acct-1", values);

    assertThat(encoded.records()).isEqualTo(ids.size());
    assertThat(Ndjson.lines(encoded.body()).stream().map(l -> l.get("id").asText()).toList()).containsExactlyElementsOf(ids);
    assertThat(encoded.extension()).isEqualTo(".ndjson.gz");
  }

  @Test
  void csvIsEncodedInOnePieceSoItsHeaderComesOnce() throws IOException {
    List<byte[]> values = new ArrayList<>();
    for (int i = 0; i < ParallelEncoder.CHUNK_RECORDS + 5; i++) {
      values.add(Events.valid("acct-1").build().toByteArray());
    }

    JobFormat.Encoded encoded = encoder.encode(JobFormats.forJob(job("{\"format\":\"csv\"}")), "acct-1", values);

    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(encoded.body()))) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
      assertThat(lines).hasSize(values.size() + 1);
      assertThat(lines[0]).startsWith("id,");
      assertThat(List.of(lines).subList(1, lines.length)).noneMatch(l -> l.startsWith("id,"));
    }
  }

  private static Job job(String outputOptions) {
    try {
      return new Job(UUID.randomUUID(), "acct-1", "j", Job.DATASET_AUDIT_LOGS, "file:///x", "file:///x",
          (ObjectNode) JSON.readTree(outputOptions), Optional.empty(), BatchLimits.defaults(), true, Optional.empty(),
          Instant.now(), 1);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
