package io.auditline.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditlineClientRetryTest {

    private final IngestFixture fixture = new IngestFixture();

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void retriesUnavailableWithTheSameIdsThenSucceeds() {
        fixture.service.failNext(Status.UNAVAILABLE.withDescription("kafka did not acknowledge").asRuntimeException());
        var event = TestEvents.event();

        try (var client = fixture.client().build()) {
            var ack = client.send(event);
            client.flush();

            assertThat(ack).isCompletedWithValue(new Acknowledgement.Accepted(event.getId()));
        }
        assertThat(fixture.service.requests).hasSize(2);
        assertThat(fixture.service.requests.get(1)).isEqualTo(fixture.service.requests.get(0));
        // The fixture's policy starts at 100 ms and its jitter draws the ceiling.
        assertThat(fixture.delays).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void backoffGrowsExponentiallyAcrossAttempts() {
        fixture.service.failNext(Status.DEADLINE_EXCEEDED.asRuntimeException())
                .failNext(Status.ABORTED.asRuntimeException());

        try (var client = fixture.client().build()) {
            var ack = client.send(TestEvents.event());
            client.flush();

            assertThat(ack).isCompletedWithValueMatching(Acknowledgement.Accepted.class::isInstance);
        }
        assertThat(fixture.delays).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void resourceExhaustedWithRetryInfoWaitsAtLeastTheServerDelay() {
        fixture.service.failNext(throttled(Duration.ofSeconds(7)));

        try (var client = fixture.client().build()) {
            var ack = client.send(TestEvents.event());
            client.flush();

            assertThat(ack).isCompletedWithValueMatching(Acknowledgement.Accepted.class::isInstance);
        }
        assertThat(fixture.delays).singleElement().satisfies(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(7)));
        assertThat(fixture.service.requests).hasSize(2);
    }

    @Test
    void resourceExhaustedWithoutRetryInfoIsNotRetried() {
        fixture.service.failNext(Status.RESOURCE_EXHAUSTED.withDescription("request too large").asRuntimeException());

        try (var client = fixture.client().build()) {
            var ack = client.send(TestEvents.event());
            client.flush();

            assertThat(ack.exceptionNow()).asInstanceOf(type(AuditlineException.class))
                    .extracting(AuditlineException::code).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        }
        assertThat(fixture.service.requests).hasSize(1);
        assertThat(fixture.delays).isEmpty();
    }

    @Test
    void exhaustedRetriesFailWithTheLastStatus() {
        fixture.service.failNext(Status.UNAVAILABLE.withDescription("first").asRuntimeException())
                .failNext(Status.UNAVAILABLE.withDescription("second").asRuntimeException())
                .failNext(Status.DEADLINE_EXCEEDED.withDescription("third").asRuntimeException());

        try (var client = fixture.client().build()) {
            var ack = client.send(TestEvents.event());
            client.flush();

            assertThat(ack.exceptionNow()).asInstanceOf(type(AuditlineException.class)).satisfies(e -> {
                assertThat(e.code()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
                assertThat(e.description()).isEqualTo("third");
                assertThat(e.attempts()).isEqualTo(3);
            });
        }
        assertThat(fixture.service.requests).hasSize(3);
    }

    @Test
    void sendBatchRetriesUnavailable() {
        fixture.service.failNext(Status.UNAVAILABLE.asRuntimeException());

        try (var client = fixture.client().build()) {
            var response = client.sendBatch(List.of(TestEvents.event()));

            assertThat(response.getAcceptedCount()).isEqualTo(1);
        }
        assertThat(fixture.service.requests).hasSize(2).allMatch(r -> !r.getPartialSuccess());
    }

    @Test
    void sendBatchGivesUpWithTheLastStatusAfterTheLastAttempt() {
        fixture.service.failAlways(Status.UNAVAILABLE.withDescription("down").asRuntimeException());

        try (var client = fixture.client().build()) {
            assertThatThrownBy(() -> client.sendBatch(List.of(TestEvents.event())))
                    .asInstanceOf(type(AuditlineException.class))
                    .satisfies(e -> {
                        assertThat(e.code()).isEqualTo(Status.Code.UNAVAILABLE);
                        assertThat(e.attempts()).isEqualTo(3);
                        assertThat(e).hasMessage("UNAVAILABLE: down after 3 attempts");
                    });
        }
    }

    private static StatusRuntimeException throttled(Duration retryDelay) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.RESOURCE_EXHAUSTED_VALUE).setMessage("rate limit")
                .addDetails(Any.pack(RetryInfo.newBuilder().setRetryDelay(com.google.protobuf.Duration.newBuilder()
                        .setSeconds(retryDelay.toSeconds()).setNanos(retryDelay.toNanosPart())).build()))
                .build());
    }
}
