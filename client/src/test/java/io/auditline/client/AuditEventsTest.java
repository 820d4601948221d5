package io.auditline.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.auditline.proto.v1.Action;
import io.auditline.proto.v1.AuditEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEventsTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00.123456789Z"), ZoneOffset.UTC);

    @Test
    void fillsIdSchemaVersionAndOccurredAtWhenMissing() {
        var event = AuditEvents.withDefaults(
                AuditEvent.newBuilder().setAccountId("acct-1").setAction(Action.newBuilder().setType("zone.delete")), clock);

        assertThat(UUID.fromString(event.getId()).version()).isEqualTo(4);
        assertThat(event.getSchemaVersion()).isEqualTo(1);
        assertThat(event.getAction().getOccurredAt())
                .isEqualTo(Timestamp.newBuilder().setSeconds(clock.instant().getEpochSecond()).setNanos(123456789).build());
        assertThat(event.getAccountId()).isEqualTo("acct-1");
    }

    @Test
    void keepsFieldsTheProducerSet() {
        var occurredAt = Timestamp.newBuilder().setSeconds(1_700_000_000).build();
        var event = AuditEvents.withDefaults(AuditEvent.newBuilder()
                .setId("9b2f7c1e-3a0d-4c7e-8f6a-2d1b5e4c3a21")
                .setSchemaVersion(1)
                .setAction(Action.newBuilder().setType("zone.delete").setOccurredAt(occurredAt)), clock);

        assertThat(event.getId()).isEqualTo("9b2f7c1e-3a0d-4c7e-8f6a-2d1b5e4c3a21");
        assertThat(event.getAction().getOccurredAt()).isEqualTo(occurredAt);
    }

    @Test
    void leavesAMissingActionMissingSoTheServerReportsIt() {
        var event = AuditEvents.withDefaults(AuditEvent.newBuilder(), clock);

        assertThat(event.hasAction()).isFalse();
    }

    @Test
    void givesEachEventItsOwnId() {
        assertThat(AuditEvents.withDefaults(AuditEvent.newBuilder()).getId())
                .isNotEqualTo(AuditEvents.withDefaults(AuditEvent.newBuilder()).getId());
    }
}
