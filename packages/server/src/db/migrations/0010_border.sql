-- Border management (issue 4, ADR 0502): watchlists and document lists with a version counter per list,
-- entry/exit records that are never changed (corrections supersede), idempotency keys for retried
-- writes, adjudications of screening hits, handovers of referrals to the responsible agency, and the
-- stay position of each person after their latest crossing (the irregular-residence register).

CREATE TABLE border_list_entries (
  id            uuid PRIMARY KEY,
  list_id       text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('watchlist', 'entry_ban', 'document')),
  version       integer NOT NULL DEFAULT 1,
  active        boolean NOT NULL DEFAULT true,
  agency_code   text NOT NULL,
  agency_id     uuid NOT NULL REFERENCES agencies(id),
  data          jsonb NOT NULL,
  document_key  text,
  search_text   text NOT NULL DEFAULT '',
  created_at    timestamptz NOT NULL,
  created_by    text,
  updated_at    timestamptz NOT NULL,
  updated_by    text
);
CREATE INDEX border_list_entries_list_idx ON border_list_entries (list_id, active);
CREATE INDEX border_list_entries_kind_idx ON border_list_entries (kind, updated_at);
CREATE UNIQUE INDEX border_list_entries_document_idx ON border_list_entries (document_key) WHERE kind = 'document';
COMMENT ON TABLE border_list_entries IS 'National watchlist entries, entry bans and lost/stolen/revoked travel documents (domain model packages/domain/src/border/lists/entries.ts, in data without id and version). A change raises version, so adjudications of an older version no longer suppress hits. Withdrawn entries stay with active = false.';
COMMENT ON COLUMN border_list_entries.document_key IS 'Document entries: issuing state and normalised number (ARM:AB1234567), unique.';
COMMENT ON COLUMN border_list_entries.search_text IS 'Lower-case names, numbers and reason for the administration screens (not used for screening).';

CREATE TABLE border_list_versions (
  list_id     text PRIMARY KEY,
  version     bigint NOT NULL,
  updated_at  timestamptz NOT NULL
);
COMMENT ON TABLE border_list_versions IS 'One counter per list, raised in the same transaction as any change to the list: servers rebuild their prepared screening index when it moves.';

CREATE TABLE border_crossings (
  id                 uuid PRIMARY KEY,
  occurred_at        timestamptz NOT NULL,
  local_date         text NOT NULL,
  local_time         text NOT NULL,
  time_zone          text NOT NULL,
  offset_minutes     integer NOT NULL,
  direction          text NOT NULL CHECK (direction IN ('entry', 'exit')),
  crossing_point     text NOT NULL,
  jurisdiction_path  text NOT NULL,
  officer_id         text NOT NULL,
  officer_name       text NOT NULL,
  person_id          uuid REFERENCES persons(id),
  document           jsonb NOT NULL,
  document_number    text NOT NULL,
  nationality        text,
  decision           text NOT NULL CHECK (decision IN ('admit', 'refuse', 'second_line')),
  refusal_code       text,
  refusal_text       text,
  reason             text,
  transport          jsonb,
  purpose            text,
  declared_address   text,
  supersedes         uuid REFERENCES border_crossings(id),
  supersede_reason   text,
  hits               jsonb NOT NULL DEFAULT '[]',
  stay               jsonb,
  recorded_at        timestamptz NOT NULL
);
CREATE INDEX border_crossings_person_idx ON border_crossings (person_id, occurred_at);
CREATE INDEX border_crossings_point_idx ON border_crossings (crossing_point, occurred_at);
CREATE INDEX border_crossings_document_idx ON border_crossings (document_number);
CREATE UNIQUE INDEX border_crossings_supersedes_idx ON border_crossings (supersedes) WHERE supersedes IS NOT NULL;
COMMENT ON TABLE border_crossings IS 'Entry and exit records as the officer decided them: UTC instant and local time at the crossing point, officer, document, person, decision and reason, transport. Never changed or deleted: a correction is a new row that supersedes the old one (unique: a record is corrected once; a second correction supersedes the correction).';
COMMENT ON COLUMN border_crossings.hits IS 'The screening hits shown to the officer when deciding (list, entry, version, score, action).';
COMMENT ON COLUMN border_crossings.stay IS 'The stay position of the person after this crossing (domain stayPosition).';

CREATE FUNCTION border_crossings_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'border_crossings is append-only: correct a crossing with a superseding record' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER border_crossings_no_change BEFORE UPDATE OR DELETE ON border_crossings
  FOR EACH ROW EXECUTE FUNCTION border_crossings_forbid_change();

CREATE TABLE border_idempotency (
  scope         text NOT NULL,
  key           text NOT NULL,
  request_hash  text NOT NULL,
  state         text NOT NULL CHECK (state IN ('pending', 'completed')),
  status        integer,
  response      jsonb,
  created_at    timestamptz NOT NULL,
  PRIMARY KEY (scope, key)
);
COMMENT ON TABLE border_idempotency IS 'Idempotency keys of retried writes (header Idempotency-Key), scoped by the sender: the hash of the first request and its answer. A replay gets the stored answer and writes nothing; the same key with another request is refused (409).';

CREATE TABLE border_adjudications (
  id             uuid PRIMARY KEY,
  person_id      uuid NOT NULL REFERENCES persons(id),
  entry_id       uuid NOT NULL REFERENCES border_list_entries(id),
  entry_version  integer NOT NULL,
  outcome        text NOT NULL CHECK (outcome IN ('true_hit', 'false_hit')),
  reason         text NOT NULL,
  by_id          text NOT NULL,
  by_name        text NOT NULL,
  at             timestamptz NOT NULL
);
CREATE INDEX border_adjudications_person_idx ON border_adjudications (person_id);
COMMENT ON TABLE border_adjudications IS 'Every screening hit adjudicated by an officer (true or false hit, by whom, why). The latest per person, entry and entry version counts; a false hit suppresses that entry version for that person.';

CREATE TABLE border_handovers (
  id                   uuid PRIMARY KEY,
  crossing_id          uuid NOT NULL REFERENCES border_crossings(id),
  person_id            uuid REFERENCES persons(id),
  kind                 text NOT NULL CHECK (kind IN ('asylum', 'child', 'health', 'trafficking')),
  agency_id            uuid NOT NULL REFERENCES agencies(id),
  agency_code          text NOT NULL,
  crossing_point       text NOT NULL,
  note                 text,
  state                text NOT NULL CHECK (state IN ('open', 'acknowledged')),
  created_at           timestamptz NOT NULL,
  created_by           text NOT NULL,
  created_by_name      text NOT NULL,
  acknowledged_at      timestamptz,
  acknowledged_by      text,
  acknowledged_by_name text,
  acknowledgement_note text
);
CREATE INDEX border_handovers_agency_idx ON border_handovers (agency_id, state, created_at);
CREATE INDEX border_handovers_crossing_idx ON border_handovers (crossing_id);
COMMENT ON TABLE border_handovers IS 'Referrals made at the border (asylum request, unaccompanied or separated child, health needs, suspected trafficking victim), each handed over to the responsible agency, which must acknowledge it.';

CREATE TABLE border_stay_positions (
  person_id            uuid PRIMARY KEY REFERENCES persons(id),
  status               text NOT NULL CHECK (status IN ('citizen', 'resident', 'foreigner')),
  nationality          text,
  present              boolean NOT NULL,
  last_crossing_id     uuid NOT NULL REFERENCES border_crossings(id),
  last_direction       text NOT NULL,
  last_crossing_at     timestamptz NOT NULL,
  last_crossing_point  text NOT NULL,
  last_lawful_day      text,
  rule                 jsonb,
  position             jsonb NOT NULL,
  computed_at          timestamptz NOT NULL
);
CREATE INDEX border_stay_positions_irregular_idx ON border_stay_positions (last_lawful_day) WHERE present AND status = 'foreigner';
COMMENT ON TABLE border_stay_positions IS 'Each person''s stay position recomputed after their latest crossing: present or not, and (foreigners) the last lawful day assuming continuous presence. Irregular residence = present foreigner whose last lawful day is before today.';
