-- Per zone and minute counts of security events, merged by the rollup consumer exactly once per
-- Kafka record: the counts and the partition's next offset change in one transaction.
CREATE TABLE security_rollups (
  account_id    text        NOT NULL,
  zone_id       text        NOT NULL,
  minute        timestamptz NOT NULL,
  total         bigint      NOT NULL,
  by_action     jsonb       NOT NULL DEFAULT '{}',
  by_source     jsonb       NOT NULL DEFAULT '{}',
  by_rule       jsonb       NOT NULL DEFAULT '{}',
  by_host       jsonb       NOT NULL DEFAULT '{}',
  top_countries jsonb       NOT NULL DEFAULT '{}',
  top_ips       jsonb       NOT NULL DEFAULT '{}',
  PRIMARY KEY (zone_id, minute)
);

CREATE INDEX security_rollups_account_zone_minute ON security_rollups (account_id, zone_id, minute);

CREATE TABLE security_rollup_offsets (
  topic       text    NOT NULL,
  partition   integer NOT NULL,
  next_offset bigint  NOT NULL,
  PRIMARY KEY (topic, partition)
);

-- Adds two {"key": count} objects key by key: merging a minute's counts into the stored ones.
CREATE FUNCTION detect_add_counts(a jsonb, b jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_object_agg(k, n), '{}'::jsonb)
  FROM (SELECT k, sum(v::bigint) AS n
        FROM (SELECT key AS k, value AS v FROM jsonb_each_text(coalesce(a, '{}'::jsonb))
              UNION ALL
              SELECT key, value FROM jsonb_each_text(coalesce(b, '{}'::jsonb))) kv
        GROUP BY k) sums
$$;

-- Keeps the n largest counts (ties by key) and sums the rest under "other", as MinuteRollup does for
-- one batch, so that merged minutes stay bounded too.
CREATE FUNCTION detect_top_counts(counts jsonb, n integer) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  WITH ranked AS (
    SELECT key, value::bigint AS c,
           row_number() OVER (ORDER BY key = 'other', value::bigint DESC, key) AS r
    FROM jsonb_each_text(counts))
  SELECT coalesce(jsonb_object_agg(k, s), '{}'::jsonb)
  FROM (SELECT CASE WHEN r <= n AND key <> 'other' THEN key ELSE 'other' END AS k, sum(c) AS s
        FROM ranked GROUP BY 1) kept
$$;
