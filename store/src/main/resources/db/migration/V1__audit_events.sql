-- Audit events, one row per event, range-partitioned by the time the action happened.
-- The primary key includes the partition key (PostgreSQL requires it); (account_id, occurred_at, id)
-- also makes re-indexing the same Kafka record a no-op (INSERT ... ON CONFLICT DO NOTHING).
CREATE TABLE audit_events (
    account_id          text        NOT NULL,
    occurred_at         timestamptz NOT NULL,
    id                  uuid        NOT NULL,
    actor_type          text        NOT NULL,
    actor_id            text        NOT NULL,
    actor_email         text,
    actor_ip            inet,
    action_type         text        NOT NULL,
    action_result       text        NOT NULL,
    resource_type       text        NOT NULL,
    resource_id         text        NOT NULL,
    zone_id             text,
    producer            text        NOT NULL,
    ingested_at         timestamptz NOT NULL DEFAULT now(),
    kafka_partition     integer     NOT NULL,
    kafka_offset        bigint      NOT NULL,
    -- The whole auditline.v1.AuditEvent (protobuf): the API and exports render from it.
    event               bytea       NOT NULL,
    PRIMARY KEY (account_id, occurred_at, id)
) PARTITION BY RANGE (occurred_at);

-- Newest/oldest-first paging of one account (keyset on occurred_at, id) and lookups by id.
CREATE INDEX audit_events_account_time ON audit_events (account_id, occurred_at DESC, id DESC);
CREATE INDEX audit_events_account_id ON audit_events (account_id, id);
-- Filters that narrow an account's history a lot.
CREATE INDEX audit_events_account_action ON audit_events (account_id, action_type text_pattern_ops, occurred_at DESC);
CREATE INDEX audit_events_account_actor ON audit_events (account_id, actor_id, occurred_at DESC);
CREATE INDEX audit_events_account_resource ON audit_events (account_id, resource_type, resource_id, occurred_at DESC);

-- Rows outside every daily partition land here instead of failing the indexer; the partition
-- maintainer logs when it is not empty.
CREATE TABLE audit_events_default PARTITION OF audit_events DEFAULT;

-- Customer API tokens: only a SHA-256 of the secret is stored.
CREATE TABLE api_tokens (
    id            text        PRIMARY KEY,
    account_id    text        NOT NULL,
    name          text        NOT NULL,
    scopes        text[]      NOT NULL,
    secret_sha256 bytea       NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    revoked_at    timestamptz,
    last_used_at  timestamptz
);
CREATE INDEX api_tokens_account ON api_tokens (account_id);
