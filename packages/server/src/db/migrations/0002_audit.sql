-- Insert-only, hash-chained audit log of every write and every read of personal data.

CREATE TABLE audit_log (
  id           bigint PRIMARY KEY,
  at           timestamptz NOT NULL,
  actor_type   text NOT NULL CHECK (actor_type IN ('user', 'token', 'system', 'anonymous')),
  actor_id     text,
  actor_name   text,
  agency_code  text,
  roles        text[] NOT NULL DEFAULT '{}',
  action       text NOT NULL,
  purpose      text NOT NULL,
  target_type  text,
  target_id    text,
  outcome      text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
  client_ip    text,
  request_id   text,
  details      jsonb NOT NULL DEFAULT '{}',
  prev_hash    text NOT NULL,
  hash         text NOT NULL UNIQUE
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at);
CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id, at);
CREATE INDEX audit_log_action_idx ON audit_log (action, at);
COMMENT ON TABLE audit_log IS 'Who did or saw what, when, why and from where. Rows are chained: hash = SHA-256(prev_hash + canonical row). Never updated or deleted.';
COMMENT ON COLUMN audit_log.purpose IS 'Why the actor acted (purpose limitation): e.g. border_control, administration, oversight.';
COMMENT ON COLUMN audit_log.prev_hash IS 'Hash of the previous row (64 zeros for the first).';

-- The log is append-only for everyone who goes through the database normally. On PostgreSQL the
-- application role additionally lacks UPDATE/DELETE/TRUNCATE grants (see grants.ts).
CREATE FUNCTION audit_log_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is insert-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_forbid_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_forbid_change();

-- The chain head: the last row's id and hash. Appending locks this single row (serialising the chain)
-- and moves it forward in the same transaction, so a removed tail is detected too.
CREATE TABLE audit_head (
  singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  last_id    bigint NOT NULL,
  last_hash  text NOT NULL
);
INSERT INTO audit_head (last_id, last_hash) VALUES (0, repeat('0', 64));
COMMENT ON TABLE audit_head IS 'Id and hash of the newest audit row; moved forward with every append.';
