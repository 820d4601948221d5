package io.auditline.store.index;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One {@code audit_events} row as the indexer writes it; optional columns are {@code null}, never
 * empty strings.
 *
 * @param event the Kafka record's value, the whole protobuf {@code auditline.v1.AuditEvent}
 */
public record IndexRow(
    String accountId,
    Instant occurredAt,
    UUID id,
    String actorType,
    String actorId,
    String actorEmail,
    String actorIp,
    String actionType,
    String actionResult,
    String resourceType,
    String resourceId,
    String zoneId,
    String producer,
    int kafkaPartition,
    long kafkaOffset,
    byte[] event) {

  public IndexRow {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(actorType, "actorType");
    Objects.requireNonNull(actorId, "actorId");
    Objects.requireNonNull(actionType, "actionType");
    Objects.requireNonNull(actionResult, "actionResult");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(producer, "producer");
    Objects.requireNonNull(event, "event");
  }
}
