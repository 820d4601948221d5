package io.auditline.client;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.auditline.proto.v1.EventResult;
import io.auditline.proto.v1.IngestRequest;
import io.auditline.proto.v1.IngestResponse;
import io.auditline.proto.v1.IngestServiceGrpc;
import io.auditline.proto.v1.Outcome;
import io.auditline.proto.v1.Violation;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted stand-in for the ingestion server: answers like the real one (deduplicating ids,
 * rejecting chosen ids), or fails calls with the statuses queued by the test.
 */
final class ScriptedIngestService extends IngestServiceGrpc.IngestServiceImplBase {

    final List<IngestRequest> requests = new CopyOnWriteArrayList<>();
    private final Queue<StatusRuntimeException> scriptedFailures = new ConcurrentLinkedQueue<>();
    private final Map<String, List<Violation>> rejections = new ConcurrentHashMap<>();
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private volatile StatusRuntimeException permanentFailure;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    /** The next call fails with {@code failure}; queued failures are used in order. */
    ScriptedIngestService failNext(StatusRuntimeException failure) {
        scriptedFailures.add(failure);
        return this;
    }

    /** Every call fails with {@code failure}. */
    ScriptedIngestService failAlways(StatusRuntimeException failure) {
        permanentFailure = failure;
        return this;
    }

    /** Events with this id are rejected with {@code violation}. */
    ScriptedIngestService reject(String id, Violation violation) {
        rejections.put(id, List.of(violation));
        return this;
    }

    /** Marks {@code id} as already written, as if an earlier call had carried it. */
    ScriptedIngestService alreadyWritten(String id) {
        written.add(id);
        return this;
    }

    /** Calls wait until {@link #open()}. */
    ScriptedIngestService hold() {
        gate = new CountDownLatch(1);
        return this;
    }

    void open() {
        gate.countDown();
    }

    List<String> receivedIds() {
        return requests.stream().flatMap(r -> r.getEventsList().stream()).map(e -> e.getId()).toList();
    }

    @Override
    public void ingest(IngestRequest request, StreamObserver<IngestResponse> responses) {
        requests.add(request);
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StatusRuntimeException failure = scriptedFailures.poll();
        if (failure == null) {
            failure = permanentFailure;
        }
        if (failure == null && !request.getPartialSuccess()) {
            failure = atomicValidation(request);
        }
        if (failure != null) {
            responses.onError(failure);
            return;
        }
        responses.onNext(answer(request));
        responses.onCompleted();
    }

    private StatusRuntimeException atomicValidation(IngestRequest request) {
        var badRequest = BadRequest.newBuilder();
        for (int i = 0; i < request.getEventsCount(); i++) {
            for (Violation v : rejections.getOrDefault(request.getEvents(i).getId(), List.of())) {
                badRequest.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                        .setField("events[" + i + "]." + v.getField()).setReason(v.getRule())
                        .setDescription(v.getMessage()));
            }
        }
        if (badRequest.getFieldViolationsCount() == 0) {
            return null;
        }
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT_VALUE).setMessage("invalid events")
                .addDetails(Any.pack(badRequest.build())).build());
    }

    private IngestResponse answer(IngestRequest request) {
        var response = IngestResponse.newBuilder();
        for (int i = 0; i < request.getEventsCount(); i++) {
            String id = request.getEvents(i).getId();
            var result = EventResult.newBuilder().setIndex(i).setId(id);
            List<Violation> violations = rejections.get(id);
            if (violations != null) {
                result.setOutcome(Outcome.OUTCOME_REJECTED).addAllViolations(violations);
                response.setRejectedCount(response.getRejectedCount() + 1);
            } else if (written.add(id)) {
                result.setOutcome(Outcome.OUTCOME_ACCEPTED);
                response.setAcceptedCount(response.getAcceptedCount() + 1);
            } else {
                result.setOutcome(Outcome.OUTCOME_DUPLICATE);
                response.setDuplicateCount(response.getDuplicateCount() + 1);
            }
            response.addResults(result);
        }
        return response.build();
    }
}
