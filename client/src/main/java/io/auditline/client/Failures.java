package io.auditline.client;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

/** Turns gRPC failures into {@link AuditlineException}s, reading the {@code google.rpc} details. */
final class Failures {

    private Failures() {}

    static AuditlineException fromStatus(Status status, Throwable failure, int attempts) {
        List<Violation> violations = new ArrayList<>();
        String reason = "";
        com.google.rpc.Status rich = StatusProto.fromThrowable(failure);
        if (rich != null) {
            for (var detail : rich.getDetailsList()) {
                try {
                    if (detail.is(BadRequest.class)) {
                        for (var v : detail.unpack(BadRequest.class).getFieldViolationsList()) {
                            violations.add(new Violation(v.getField(), v.getReason(), v.getDescription()));
                        }
                    } else if (detail.is(ErrorInfo.class)) {
                        reason = detail.unpack(ErrorInfo.class).getReason();
                    }
                } catch (InvalidProtocolBufferException e) {
                    // A malformed detail must not hide the status itself.
                }
            }
        }
        return new AuditlineException(status.getCode(), status.getDescription(), attempts, violations, reason,
                failure);
    }

    /** The {@link AuditlineException} a completion failure carries, or one made from its status. */
    static AuditlineException unwrap(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof AuditlineException e) {
            return e;
        }
        return fromStatus(Status.fromThrowable(cause), cause, 1);
    }

    static AuditlineException local(Status.Code code, String description, int attempts) {
        return new AuditlineException(code, description, attempts, List.of(), "", null);
    }
}
