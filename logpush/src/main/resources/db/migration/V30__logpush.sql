-- Logpush: per-account jobs, their per-partition positions, leases between instances, dead letters,
-- replays and ownership challenges. Deleting a job deletes everything that belongs to it.

CREATE TABLE logpush_jobs (
    id                    uuid        PRIMARY KEY,
    account_id            text        NOT NULL,
    name                  text        NOT NULL,
    dataset               text        NOT NULL,
    -- The full destination URI including its secrets; only its redacted form ever leaves the server.
    destination           text        NOT NULL,
    destination_redacted  text        NOT NULL,
    output_options        jsonb       NOT NULL,
    filter                jsonb,
    max_age_ms            bigint      NOT NULL,
    max_records           integer     NOT NULL,
    max_bytes             bigint      NOT NULL,
    enabled               boolean     NOT NULL DEFAULT false,
    ownership_verified_at timestamptz,
    -- Where a job starts: events appended to the log from this instant on.
    start_at              timestamptz NOT NULL,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    -- Bumped by every change so that running workers notice and reload.
    revision              bigint      NOT NULL DEFAULT 1,
    last_complete         timestamptz,
    last_error            timestamptz,
    error_message         text,
    consecutive_failures  integer     NOT NULL DEFAULT 0,
    UNIQUE (account_id, name)
);
CREATE INDEX logpush_jobs_account ON logpush_jobs (account_id, created_at, id);

-- The next offset to deliver per job and Kafka partition. pending_last_offset, when set, is the
-- intent recorded before an upload: the batch [next_offset, pending_last_offset] is re-formed exactly
-- after a crash, so the object under its key is rewritten with the same content.
CREATE TABLE logpush_positions (
    job_id               uuid    NOT NULL REFERENCES logpush_jobs (id) ON DELETE CASCADE,
    kafka_partition      integer NOT NULL,
    next_offset          bigint  NOT NULL,
    pending_last_offset  bigint,
    lag_records          bigint  NOT NULL DEFAULT 0,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job_id, kafka_partition)
);

-- Which instance runs a job. A worker only writes positions while its lease (owner + epoch) holds.
CREATE TABLE logpush_leases (
    job_id      uuid        PRIMARY KEY REFERENCES logpush_jobs (id) ON DELETE CASCADE,
    owner       text        NOT NULL,
    epoch       bigint      NOT NULL,
    expires_at  timestamptz NOT NULL
);

CREATE TABLE logpush_dead_letters (
    id                uuid        PRIMARY KEY,
    job_id            uuid        NOT NULL REFERENCES logpush_jobs (id) ON DELETE CASCADE,
    account_id        text        NOT NULL,
    object_key        text        NOT NULL,
    idempotency_key   text        NOT NULL,
    kafka_partition   integer,
    first_offset      bigint,
    last_offset       bigint,
    records           integer     NOT NULL,
    reason            text        NOT NULL,
    error_message     text        NOT NULL,
    attempts          integer     NOT NULL,
    content_type      text        NOT NULL,
    content_encoding  text        NOT NULL,
    body              bytea       NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    redriven_at       timestamptz,
    UNIQUE (job_id, object_key)
);
CREATE INDEX logpush_dead_letters_job ON logpush_dead_letters (job_id, created_at, id);

CREATE TABLE logpush_replays (
    id                 uuid        PRIMARY KEY,
    job_id             uuid        NOT NULL REFERENCES logpush_jobs (id) ON DELETE CASCADE,
    account_id         text        NOT NULL,
    since              timestamptz NOT NULL,
    before             timestamptz NOT NULL,
    state              text        NOT NULL,
    source             text,
    total_records      bigint,
    delivered_records  bigint      NOT NULL DEFAULT 0,
    objects            integer     NOT NULL DEFAULT 0,
    error_message      text,
    owner              text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    finished_at        timestamptz
);
CREATE INDEX logpush_replays_job ON logpush_replays (job_id, created_at);
CREATE INDEX logpush_replays_open ON logpush_replays (state) WHERE state IN ('pending', 'running');

-- Challenges written to a destination to prove the customer controls it; the token is stored hashed.
CREATE TABLE logpush_ownership_challenges (
    id                uuid        PRIMARY KEY,
    account_id        text        NOT NULL,
    destination_hash  text        NOT NULL,
    token_hash        text        NOT NULL,
    object_key        text        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    expires_at        timestamptz NOT NULL
);
CREATE INDEX logpush_ownership_account ON logpush_ownership_challenges (account_id, destination_hash);
