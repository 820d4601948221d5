package io.auditline.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.RetryInfo;
import io.auditline.ingest.testing.Events;
import io.auditline.ingest.testing.IngestHarness;
import io.auditline.ingest.testing.Statuses;
import io.auditline.proto.v1.IngestRequest;
import io.auditline.proto.v1.IngestServiceGrpc.IngestServiceBlockingStub;
import io.auditline.testkit.kafka.KafkaTestSupport;
import io.auditline.testkit.kafka.SharedKafka;
import io.auditline.testkit.tls.TestPki;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A producer over its event rate gets RESOURCE_EXHAUSTED with a retry delay; others are unaffected. */
class RateLimitIT {

  @Test
  void aProducerOverItsRateIsToldWhenToRetryWhileOthersGoOn() throws Exception {
    try (IngestHarness ingest =
        IngestHarness.start(
            SharedKafka.bootstrapServers(),
            KafkaTestSupport.uniqueTopicName("rate-it"),
            IngestHarness.PRODUCERS,
            c -> new io.auditline.ingest.IngestConfig(
                c.host(), c.port(), c.producersFile(), c.maxRequestSize(), 10, c.maxEventSize(),
                0.01, 10, c.idempotencyWindow(), c.idempotencyMaxKeys(), c.drainTimeout()))) {
      IngestServiceBlockingStub billing = ingest.stub(TestPki.client(TestPki.BILLING));
      assertThat(billing.ingest(ten()).getAcceptedCount()).isEqualTo(10);
      assertThatThrownBy(() -> billing.ingest(IngestRequest.newBuilder().addEvents(Events.valid()).build()))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
            assertThat(e.getStatus().getDescription()).contains("over its event rate");
            RetryInfo retry = Statuses.detail(e, RetryInfo.class).orElseThrow();
            assertThat(retry.getRetryDelay().getSeconds()).isPositive();
          });
      // Buckets are per producer: another identity still has its full burst.
      assertThat(ingest.stub(TestPki.client(TestPki.ORDERS)).ingest(ten()).getAcceptedCount()).isEqualTo(10);
    }
  }

  private static IngestRequest ten() {
    return IngestRequest.newBuilder().addAllEvents(IntStream.range(0, 10).mapToObj(i -> Events.valid().build()).toList()).build();
  }
}
