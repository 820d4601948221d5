-- Kafka records the indexer could not turn into an audit_events row (not a protobuf AuditEvent, or an
-- event that breaks the columns' rules). Nothing is dropped silently: the raw record is kept here so
-- it can be inspected and re-driven. One row per record, so replaying the topic adds nothing.
CREATE TABLE index_rejects (
    topic             text        NOT NULL,
    kafka_partition   integer     NOT NULL,
    kafka_offset      bigint      NOT NULL,
    reason            text        NOT NULL,
    record_key        bytea,
    record_value      bytea,
    record_timestamp  timestamptz,
    rejected_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, kafka_partition, kafka_offset)
);
CREATE INDEX index_rejects_rejected_at ON index_rejects (rejected_at);
