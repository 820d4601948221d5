package io.auditline.client;

import io.grpc.Status;
import java.io.Serial;
import java.util.List;
import java.util.Objects;

/**
 * A call failed with a status that is not retried, or kept failing until the retry policy gave up;
 * carries the last gRPC status.
 */
public class AuditlineException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Status.Code code;
    private final String description;
    private final int attempts;
    private final List<Violation> violations;
    private final String reason;

    AuditlineException(Status.Code code, String description, int attempts, List<Violation> violations,
                       String reason, Throwable cause) {
        super(message(code, description, attempts, reason), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.description = description == null ? "" : description;
        this.attempts = attempts;
        this.violations = List.copyOf(violations);
        this.reason = reason == null ? "" : reason;
    }

    /** The gRPC status code of the last attempt. */
    public Status.Code code() {
        return code;
    }

    /** The status description of the last attempt; empty when the server sent none. */
    public String description() {
        return description;
    }

    /** How many attempts were made; 0 when the event never left the client. */
    public int attempts() {
        return attempts;
    }

    /** For INVALID_ARGUMENT, the violations from {@code google.rpc.BadRequest}; otherwise empty. */
    public List<Violation> violations() {
        return violations;
    }

    /** The {@code google.rpc.ErrorInfo} reason, e.g. for PERMISSION_DENIED; empty when absent. */
    public String reason() {
        return reason;
    }

    private static String message(Status.Code code, String description, int attempts, String reason) {
        var text = new StringBuilder(code.name());
        if (description != null && !description.isEmpty()) {
            text.append(": ").append(description);
        }
        if (reason != null && !reason.isEmpty()) {
            text.append(" (reason: ").append(reason).append(')');
        }
        return text.append(" after ").append(attempts).append(attempts == 1 ? " attempt" : " attempts").toString();
    }
}
