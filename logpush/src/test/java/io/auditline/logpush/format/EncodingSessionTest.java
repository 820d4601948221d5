package io.auditline.logpush.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditline.logpush.testing.TestEvents;
import io.auditline.proto.v1.AuditEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EncodingSessionTest {

  private static final List<AuditEvent> EVENTS =
      IntStream.range(0, 10_000).mapToObj(i -> TestEvents.event().build()).toList();

  @Test
  void sizeEstimateCountsBufferedBytesAndEndsAtTheRawSize() {
    try (EncodingSession session = BatchEncoder.create(OutputOptions.defaults()).open()) {
      assertThat(session.sizeEstimate()).isZero();
      long previous = 0;
      for (AuditEvent e : EVENTS.subList(0, 200)) {
        session.add(e);
        assertThat(session.sizeEstimate()).isGreaterThan(previous);
        previous = session.sizeEstimate();
      }
      EncodedBatch batch = session.finish();
      assertThat(batch.rawBytes()).isEqualTo(previous);
      assertThat(batch.records()).isEqualTo(200);
    }
  }

  @Test
  void aFinishedSessionRefusesMoreEvents() {
    EncodingSession session = BatchEncoder.create(OutputOptions.defaults()).open();
    session.finish();
    assertThatThrownBy(() -> session.add(EVENTS.get(0))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(session::finish).isInstanceOf(IllegalStateException.class);
    session.close();
  }

  @Test
  void aClosedSessionRefusesMoreEvents() {
    EncodingSession session = BatchEncoder.create(OutputOptions.defaults()).open();
    session.add(EVENTS.get(0));
    session.close();
    assertThatThrownBy(() -> session.add(EVENTS.get(0))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void samplingKeepsTheSameEventsWhateverTheBatchOrOrder() {
    BatchEncoder encoder = BatchEncoder.create(sampled(0.3));
    List<AuditEvent> shuffled = new ArrayList<>(EVENTS.subList(0, 2000));
    Collections.shuffle(shuffled);
    List<String> first = kept(encoder, EVENTS.subList(0, 2000));
    List<String> again = kept(BatchEncoder.create(sampled(0.3)), shuffled);
    assertThat(again).containsExactlyInAnyOrderElementsOf(first);
    assertThat(BatchEncoder.create(sampled(0.3)).open().add(EVENTS.get(0)))
        .isEqualTo(first.contains(EVENTS.get(0).getId()));
  }

  @Test
  void samplingKeepsAboutTheRateOfTenThousandEvents() {
    assertThat(kept(BatchEncoder.create(sampled(0.1)), EVENTS)).hasSizeBetween(800, 1200);
    assertThat(kept(BatchEncoder.create(sampled(0.5)), EVENTS)).hasSizeBetween(4600, 5400);
    assertThat(kept(BatchEncoder.create(sampled(1.0)), EVENTS)).hasSize(10_000);
  }

  @Test
  void aLowerRateKeepsASubsetOfWhatAHigherRateKeeps() {
    assertThat(kept(BatchEncoder.create(sampled(0.5)), EVENTS))
        .containsAll(kept(BatchEncoder.create(sampled(0.2)), EVENTS));
  }

  @Test
  void theSamplingHashIsPinnedSoPastDeliveriesStayReproducible() {
    // Changing the hash would change which events a re-delivery holds; these values must never change.
    assertThat(Sampler.unit("00000000-0000-4000-8000-000000000000")).isEqualTo(0.00282833235303781);
    assertThat(Sampler.unit("8c1f7a2e-0000-4000-8000-000000000001")).isEqualTo(0.7368433000697945);
    assertThat(Sampler.unit("")).isEqualTo(0.93676944839044);
    assertThat(new Sampler(0.74).keeps("8c1f7a2e-0000-4000-8000-000000000001")).isTrue();
    assertThat(new Sampler(0.73).keeps("8c1f7a2e-0000-4000-8000-000000000001")).isFalse();
  }

  @Test
  void sampleRatesOutsideZeroToOneAreRejected() {
    assertThatThrownBy(() -> new Sampler(0)).hasMessage("sample_rate: 0.0 (expected: 0 < rate <= 1)");
    assertThatThrownBy(() -> new Sampler(1.5)).hasMessage("sample_rate: 1.5 (expected: 0 < rate <= 1)");
    assertThatThrownBy(() -> new Sampler(Double.NaN)).hasMessage("sample_rate: NaN (expected: 0 < rate <= 1)");
  }

  private static List<String> kept(BatchEncoder encoder, List<AuditEvent> events) {
    try (EncodingSession session = encoder.open()) {
      return events.stream().filter(session::add).map(AuditEvent::getId).toList();
    }
  }

  private static OutputOptions sampled(double rate) {
    return new OutputOptions(List.of("id"), OutputFormat.NDJSON, TimestampFormat.RFC3339, rate, Compression.NONE,
        OptionalInt.empty());
  }
}
