package io.auditline.client;

import io.auditline.client.retry.Delayer;
import io.auditline.client.retry.RetryClassifier;
import io.auditline.client.retry.RetryDecision;
import io.auditline.proto.v1.IngestRequest;
import io.auditline.proto.v1.IngestResponse;
import io.auditline.proto.v1.IngestServiceGrpc;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls Ingest, retrying the same request (same event ids) as the classifier allows; completes
 * exceptionally only with {@link AuditlineException}.
 */
final class RetryingCaller {

    private static final Logger log = LoggerFactory.getLogger(RetryingCaller.class);

    private final IngestServiceGrpc.IngestServiceStub stub;
    private final RetryClassifier classifier;
    private final Delayer delayer;
    private final Duration rpcTimeout;

    RetryingCaller(IngestServiceGrpc.IngestServiceStub stub, RetryClassifier classifier, Delayer delayer,
                   Duration rpcTimeout) {
        this.stub = stub;
        this.classifier = classifier;
        this.delayer = delayer;
        this.rpcTimeout = rpcTimeout;
    }

    CompletableFuture<IngestResponse> call(IngestRequest request) {
        return attempt(request, 1);
    }

    private CompletableFuture<IngestResponse> attempt(IngestRequest request, int attempt) {
        return once(request).handle((response, failure) -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(response);
            }
            return switch (classifier.decide(failure, attempt)) {
                case RetryDecision.Retry retry -> {
                    log.debug("ingest attempt={} events={} failed status={}; retrying in {}", attempt,
                            request.getEventsCount(), failure.getMessage(), retry.delay());
                    yield delayer.delay(retry.delay()).thenCompose(ignored -> attempt(request, attempt + 1));
                }
                case RetryDecision.GiveUp giveUp -> {
                    log.debug("ingest attempt={} events={} failed status={}; giving up (exhausted={})", attempt,
                            request.getEventsCount(), failure.getMessage(), giveUp.attemptsExhausted());
                    yield CompletableFuture.<IngestResponse>failedFuture(
                            Failures.fromStatus(giveUp.status(), failure, attempt));
                }
            };
        }).thenCompose(f -> f);
    }

    private CompletableFuture<IngestResponse> once(IngestRequest request) {
        var result = new CompletableFuture<IngestResponse>();
        try {
            stub.withDeadlineAfter(rpcTimeout.toNanos(), TimeUnit.NANOSECONDS).ingest(request, new StreamObserver<>() {
                @Override
                public void onNext(IngestResponse response) {
                    result.complete(response);
                }

                @Override
                public void onError(Throwable t) {
                    result.completeExceptionally(t);
                }

                @Override
                public void onCompleted() {
                    // onNext already completed a unary call; completing twice is harmless.
                }
            });
        } catch (RuntimeException e) {
            // A shut-down channel may throw instead of failing the call.
            result.completeExceptionally(e);
        }
        return result;
    }
}
