package io.auditline.client.retry;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Decides whether a failed Ingest call is retried, following the server's contract: transient
 * statuses are retried because the server deduplicates event ids, everything else is final.
 */
public final class RetryClassifier {

    private final RetryPolicy policy;
    private final RandomGenerator random;
    private final Object randomLock = new Object();

    public RetryClassifier(RetryPolicy policy, RandomGenerator random) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Decides what to do after attempt number {@code attempt} (1-based) failed with {@code failure}. */
    public RetryDecision decide(Throwable failure, int attempt) {
        Status status = Status.fromThrowable(failure);
        Optional<Duration> serverDelay = retryDelay(failure);
        if (!isRetryable(status.getCode(), serverDelay.isPresent())) {
            return new RetryDecision.GiveUp(status, false);
        }
        if (attempt >= policy.maxAttempts()) {
            return new RetryDecision.GiveUp(status, true);
        }
        Duration backoff;
        // Callbacks of concurrent batches land here together, and most generators are not thread-safe.
        synchronized (randomLock) {
            backoff = policy.backoff(attempt, random);
        }
        // The server's delay is a floor: retrying sooner would only be throttled again.
        Duration delay = serverDelay.filter(d -> d.compareTo(backoff) > 0).orElse(backoff);
        return new RetryDecision.Retry(delay);
    }

    static boolean isRetryable(Status.Code code, boolean hasRetryInfo) {
        return switch (code) {
            case UNAVAILABLE, DEADLINE_EXCEEDED, ABORTED -> true;
            // Without RetryInfo the request itself is too large: resending it cannot succeed.
            case RESOURCE_EXHAUSTED -> hasRetryInfo;
            default -> false;
        };
    }

    /** The {@code google.rpc.RetryInfo} delay carried by the failure, if any. */
    static Optional<Duration> retryDelay(Throwable failure) {
        com.google.rpc.Status rich = StatusProto.fromThrowable(failure);
        if (rich == null) {
            return Optional.empty();
        }
        for (var detail : rich.getDetailsList()) {
            if (detail.is(RetryInfo.class)) {
                try {
                    var delay = detail.unpack(RetryInfo.class).getRetryDelay();
                    return Optional.of(Duration.ofSeconds(delay.getSeconds(), delay.getNanos()));
                } catch (InvalidProtocolBufferException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
