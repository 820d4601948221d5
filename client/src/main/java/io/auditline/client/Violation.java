package io.auditline.client;

import java.io.Serializable;
import java.util.Objects;

/**
 * One broken rule of one event.
 *
 * @param field   the field path, e.g. {@code actor.email}; for {@link AuditlineClient#sendBatch} it is
 *                prefixed with the event's position, e.g. {@code events[3].actor.email}
 * @param rule    the rule id, e.g. {@code string.email} or {@code permission.account}; may be empty
 * @param message a human-readable explanation
 */
public record Violation(String field, String rule, String message) implements Serializable {
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    static Violation fromProto(io.auditline.proto.v1.Violation v) {
        return new Violation(v.getField(), v.getRule(), v.getMessage());
    }
}
