package io.auditline.client;

import com.google.protobuf.Timestamp;
import io.auditline.proto.v1.AuditEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Fills the fields every producer would otherwise fill the same way, so producers write only business fields. */
public final class AuditEvents {

    /** The only schema version so far. */
    public static final int SCHEMA_VERSION = 1;

    private AuditEvents() {}

    /**
     * Builds the event after filling, where unset, a random UUID id, schema version 1 and, when an
     * action is set, {@code action.occurred_at} = now. Fields already set are kept. Mutates {@code builder}.
     */
    public static AuditEvent withDefaults(AuditEvent.Builder builder) {
        return withDefaults(builder, Clock.systemUTC());
    }

    /** As {@link #withDefaults(AuditEvent.Builder)}, reading "now" from {@code clock}. */
    public static AuditEvent withDefaults(AuditEvent.Builder builder, Clock clock) {
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(clock, "clock");
        if (builder.getId().isEmpty()) {
            builder.setId(UUID.randomUUID().toString());
        }
        if (builder.getSchemaVersion() == 0) {
            builder.setSchemaVersion(SCHEMA_VERSION);
        }
        // Without an action the server reports "action required"; a fabricated one would hide that.
        if (builder.hasAction() && !builder.getAction().hasOccurredAt()) {
            Instant now = clock.instant();
            builder.getActionBuilder().setOccurredAt(
                    Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()));
        }
        return builder.build();
    }
}
