package io.auditline.client.retry;

import io.grpc.Status;
import java.time.Duration;

/** Whether a failed call is tried again, and after how long. */
public sealed interface RetryDecision {

    /** Try again after {@code delay}. */
    record Retry(Duration delay) implements RetryDecision {}

    /** Stop: the status is final, or the attempts are used up. */
    record GiveUp(Status status, boolean attemptsExhausted) implements RetryDecision {}
}
