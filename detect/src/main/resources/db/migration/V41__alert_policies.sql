-- Alert policies per account. The spec is kept in its wire shape, webhook secrets included; the
-- API never returns them. Name is unique per account so that a policy can be found by it.
CREATE TABLE alert_policies (
  id          uuid        PRIMARY KEY,
  account_id  text        NOT NULL,
  name        text        NOT NULL,
  spec        jsonb       NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  UNIQUE (account_id, name)
);
