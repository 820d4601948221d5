package io.auditline.client.retry;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RetryClassifierTest {

    private final RetryClassifier classifier =
            new RetryClassifier(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1)), new Random(1));

    @ParameterizedTest
    @EnumSource(value = Status.Code.class, names = {"UNAVAILABLE", "DEADLINE_EXCEEDED", "ABORTED"})
    void retriesTransientStatuses(Status.Code code) {
        assertThat(classifier.decide(Status.fromCode(code).asRuntimeException(), 1))
                .isInstanceOf(RetryDecision.Retry.class);
    }

    @ParameterizedTest
    @EnumSource(value = Status.Code.class, names = {"INVALID_ARGUMENT", "PERMISSION_DENIED", "UNAUTHENTICATED",
            "RESOURCE_EXHAUSTED", "INTERNAL", "UNKNOWN", "CANCELLED"})
    void givesUpOnFinalStatuses(Status.Code code) {
        assertThat(classifier.decide(Status.fromCode(code).asRuntimeException(), 1))
                .isInstanceOfSatisfying(RetryDecision.GiveUp.class, g -> {
                    assertThat(g.status().getCode()).isEqualTo(code);
                    assertThat(g.attemptsExhausted()).isFalse();
                });
    }

    @Test
    void retriesThrottlingNoSoonerThanTheServerAsks() {
        var throttled = StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Status.Code.RESOURCE_EXHAUSTED.value())
                .addDetails(Any.pack(RetryInfo.newBuilder()
                        .setRetryDelay(com.google.protobuf.Duration.newBuilder().setSeconds(3).setNanos(500)).build()))
                .build());

        assertThat(classifier.decide(throttled, 1)).isEqualTo(new RetryDecision.Retry(Duration.ofSeconds(3, 500)));
    }

    @Test
    void givesUpOnTheLastAttemptSayingAttemptsAreExhausted() {
        assertThat(classifier.decide(Status.UNAVAILABLE.asRuntimeException(), 3))
                .isInstanceOfSatisfying(RetryDecision.GiveUp.class, g -> assertThat(g.attemptsExhausted()).isTrue());
    }
}
