package io.auditline.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditlineClientOutcomesTest {

    private final IngestFixture fixture = new IngestFixture();

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void rejectionFailsOnlyTheOffendingEventWithItsViolations() {
        var good = TestEvents.event();
        var bad = TestEvents.event();
        var alsoGood = TestEvents.event();
        fixture.service.reject(bad.getId(), TestEvents.violation("actor.email", "string.email", "must be an email"));

        try (var client = fixture.client().linger(Duration.ofHours(1)).build()) {
            var goodAck = client.send(good);
            var badAck = client.send(bad);
            var alsoGoodAck = client.send(alsoGood);
            client.flush();

            assertThat(goodAck).isCompletedWithValue(new Acknowledgement.Accepted(good.getId()));
            assertThat(alsoGoodAck).isCompletedWithValue(new Acknowledgement.Accepted(alsoGood.getId()));
            assertThat(badAck).isCompletedExceptionally();
            assertThat(badAck.exceptionNow())
                    .asInstanceOf(type(EventRejectedException.class))
                    .satisfies(e -> {
                        assertThat(e.eventId()).isEqualTo(bad.getId());
                        assertThat(e.violations()).containsExactly(
                                new Violation("actor.email", "string.email", "must be an email"));
                    });
            assertThat(fixture.service.requests).hasSize(1);
        }
    }

    @Test
    void alreadyWrittenIdCompletesAsDuplicate() {
        var event = TestEvents.event();
        fixture.service.alreadyWritten(event.getId());

        try (var client = fixture.client().build()) {
            var ack = client.send(event);
            client.flush();

            assertThat(ack).isCompletedWithValue(new Acknowledgement.Duplicate(event.getId()));
        }
    }

    @Test
    void sendBatchIsAtomicAndReportsEveryViolationWithoutRetrying() {
        var good = TestEvents.event();
        var bad = TestEvents.event();
        fixture.service.reject(bad.getId(), TestEvents.violation("actor.email", "string.email", "must be an email"));

        try (var client = fixture.client().build()) {
            assertThatThrownBy(() -> client.sendBatch(List.of(good, bad)))
                    .asInstanceOf(type(AuditlineException.class))
                    .satisfies(e -> {
                        assertThat(e.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                        assertThat(e.attempts()).isEqualTo(1);
                        assertThat(e.violations()).containsExactly(
                                new Violation("events[1].actor.email", "string.email", "must be an email"));
                    });
        }
        assertThat(fixture.service.requests).singleElement().satisfies(r -> assertThat(r.getPartialSuccess()).isFalse());
        assertThat(fixture.delays).isEmpty();
    }

    @Test
    void sendBatchReturnsTheResponseForAValidBatch() {
        var first = TestEvents.event();
        var second = TestEvents.event();
        fixture.service.alreadyWritten(second.getId());

        try (var client = fixture.client().build()) {
            var response = client.sendBatch(List.of(first, second));

            assertThat(response.getAcceptedCount()).isEqualTo(1);
            assertThat(response.getDuplicateCount()).isEqualTo(1);
        }
    }

    @Test
    void permissionDeniedFailsTheBatchWithItsReasonWithoutRetrying() {
        fixture.service.failAlways(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.PERMISSION_DENIED_VALUE).setMessage("producer may not write account acct-1")
                .addDetails(Any.pack(ErrorInfo.newBuilder().setReason("ACCOUNT_NOT_ALLOWED")
                        .setDomain("auditline.io").build()))
                .build()));

        try (var client = fixture.client().build()) {
            var ack = client.send(TestEvents.event());
            client.flush();

            assertThat(ack.exceptionNow())
                    .asInstanceOf(type(AuditlineException.class))
                    .satisfies(e -> {
                        assertThat(e.code()).isEqualTo(Status.Code.PERMISSION_DENIED);
                        assertThat(e.description()).isEqualTo("producer may not write account acct-1");
                        assertThat(e.reason()).isEqualTo("ACCOUNT_NOT_ALLOWED");
                    });
        }
        assertThat(fixture.service.requests).hasSize(1);
        assertThat(fixture.delays).isEmpty();
    }
}
