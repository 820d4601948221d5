package io.auditline.client;

import java.io.Serial;
import java.util.List;
import java.util.Objects;

/**
 * The server rejected one event of a batch (invalid, or not permitted for this producer) and wrote
 * nothing of it; resending the same event will be rejected again.
 */
public final class EventRejectedException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String eventId;
    private final List<Violation> violations;

    EventRejectedException(String eventId, List<Violation> violations) {
        super("event " + eventId + " rejected: " + violations);
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.violations = List.copyOf(violations);
    }

    /** The rejected event's id as sent. */
    public String eventId() {
        return eventId;
    }

    /** Every rule the event broke. */
    public List<Violation> violations() {
        return violations;
    }
}
