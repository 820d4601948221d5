-- One row per (zone, minute) the detect scheduler evaluated or is evaluating. The primary key is the
-- claim: whichever instance inserts the row evaluates that minute, so two instances that both think
-- they own a zone during a rebalance cannot both evaluate it.
CREATE TABLE detect_evaluations (
  zone_id    text        NOT NULL,
  minute     timestamptz NOT NULL,
  owner      text        NOT NULL,
  claimed_at timestamptz NOT NULL DEFAULT now(),
  done       boolean     NOT NULL DEFAULT false,
  done_at    timestamptz,
  PRIMARY KEY (zone_id, minute)
);

-- Claims whose evaluator died before finishing; swept every tick and re-claimed once stale.
CREATE INDEX detect_evaluations_undone ON detect_evaluations (zone_id, minute) WHERE NOT done;
