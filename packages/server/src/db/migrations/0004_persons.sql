-- Person registry: the identity spine. A person is one versioned record (names as written with their
-- document forms, partial birth date, citizenships, documents, addresses, contacts, protection flags);
-- search keys and document numbers are derived into indexed tables; every version is kept.

CREATE TABLE persons (
  id                 uuid PRIMARY KEY,
  version            integer NOT NULL DEFAULT 1,
  record             jsonb NOT NULL,
  jurisdiction_path  text,
  birth_date         text,
  birth_year         integer,
  sex                text CHECK (sex IN ('M', 'F', 'X')),
  nationalities      text[] NOT NULL DEFAULT '{}',
  trafficking_victim boolean NOT NULL DEFAULT false,
  asylum_seeker      boolean NOT NULL DEFAULT false,
  merged_into        uuid REFERENCES persons(id),
  source             text NOT NULL CHECK (source IN ('entry', 'document', 'import', 'seed')),
  created_at         timestamptz NOT NULL,
  created_by         text,
  updated_at         timestamptz NOT NULL
);
CREATE INDEX persons_birth_year_idx ON persons (birth_year);
CREATE INDEX persons_jurisdiction_idx ON persons (jurisdiction_path);
CREATE INDEX persons_merged_into_idx ON persons (merged_into);
COMMENT ON TABLE persons IS 'Persons known to the migration system. record holds the person as entered (see packages/domain/src/persons/types.ts); the other columns are derived from it for filtering and access.';
COMMENT ON COLUMN persons.record IS 'Names (as written, script, document forms), birth date, sex, citizenships, documents, addresses, contacts, protection flags, registration region.';
COMMENT ON COLUMN persons.jurisdiction_path IS 'Jurisdiction the record belongs to (registration region, e.g. ARM.AM-ER); null = national.';
COMMENT ON COLUMN persons.birth_date IS 'Partial date: YYYY, YYYY-MM or YYYY-MM-DD.';
COMMENT ON COLUMN persons.merged_into IS 'Set when this record was merged into another (the survivor); reading this id redirects there.';
COMMENT ON COLUMN persons.version IS 'Optimistic concurrency: a change names the version it read.';

CREATE TABLE person_history (
  person_id   uuid NOT NULL REFERENCES persons(id),
  version     integer NOT NULL,
  at          timestamptz NOT NULL,
  actor_id    text,
  actor_name  text,
  action      text NOT NULL,
  record      jsonb NOT NULL,
  merged_into uuid,
  details     jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (person_id, version)
);
COMMENT ON TABLE person_history IS 'Every version of every person (the full record after the change), written in the same transaction as the change. Append-only.';

CREATE FUNCTION person_history_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'person_history is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER person_history_no_update BEFORE UPDATE OR DELETE ON person_history
  FOR EACH ROW EXECUTE FUNCTION person_history_forbid_change();

CREATE TABLE person_name_keys (
  key        text COLLATE "C" NOT NULL,
  person_id  uuid NOT NULL REFERENCES persons(id),
  PRIMARY KEY (key, person_id)
);
CREATE INDEX person_name_keys_person_idx ON person_name_keys (person_id);
COMMENT ON TABLE person_name_keys IS 'Cross-script comparison keys of every name token (loose key, given-name group g:N, consonant skeleton ca:/cx:). Candidates are fetched by key equality or prefix (btree range in the C collation), then scored by the matcher.';

CREATE TABLE person_document_keys (
  number     text COLLATE "C" NOT NULL,
  issuer     text NOT NULL,
  person_id  uuid NOT NULL REFERENCES persons(id),
  PRIMARY KEY (number, issuer, person_id)
);
CREATE INDEX person_document_keys_person_idx ON person_document_keys (person_id);
COMMENT ON TABLE person_document_keys IS 'Normalised document numbers (A-Z0-9) for exact lookup.';

CREATE TABLE duplicate_candidates (
  id           uuid PRIMARY KEY,
  person_a     uuid NOT NULL REFERENCES persons(id),
  person_b     uuid NOT NULL REFERENCES persons(id),
  score        double precision NOT NULL,
  explanation  jsonb NOT NULL,
  found_by     text NOT NULL CHECK (found_by IN ('create', 'update', 'import', 'merge', 'unmerge', 'batch')),
  status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'unsure', 'same', 'different')),
  found_at     timestamptz NOT NULL,
  decided_at   timestamptz,
  decided_by   text,
  note         text,
  CHECK (person_a < person_b),
  UNIQUE (person_a, person_b)
);
CREATE INDEX duplicate_candidates_status_idx ON duplicate_candidates (status, score DESC);
CREATE INDEX duplicate_candidates_b_idx ON duplicate_candidates (person_b);
COMMENT ON TABLE duplicate_candidates IS 'Pairs of persons that may be the same, with the matcher score and explanation; the review queue. A pair is stored once (person_a < person_b).';

CREATE TABLE person_merges (
  id               uuid PRIMARY KEY,
  survivor_id      uuid NOT NULL REFERENCES persons(id),
  merged_id        uuid NOT NULL REFERENCES persons(id),
  survivor_before  jsonb NOT NULL,
  merged_before    jsonb NOT NULL,
  survivor_version integer NOT NULL,
  candidate_id     uuid REFERENCES duplicate_candidates(id),
  automatic        boolean NOT NULL,
  reason           text,
  merged_at        timestamptz NOT NULL,
  merged_by        text,
  unmerged_at      timestamptz,
  unmerged_by      text
);
CREATE INDEX person_merges_merged_idx ON person_merges (merged_id);
CREATE INDEX person_merges_survivor_idx ON person_merges (survivor_id);
COMMENT ON TABLE person_merges IS 'Each merge with both records exactly as they were before it, so that an unmerge restores them.';
COMMENT ON COLUMN person_merges.survivor_version IS 'Version of the survivor right after the merge; unmerge restores the snapshot only if the survivor has not changed since.';

CREATE TABLE person_links (
  id                 uuid PRIMARY KEY,
  person_id          uuid NOT NULL REFERENCES persons(id),
  related_person_id  uuid NOT NULL REFERENCES persons(id),
  relation           text NOT NULL CHECK (relation IN ('parent', 'child', 'spouse', 'sibling', 'guardian', 'ward', 'other')),
  created_at         timestamptz NOT NULL,
  created_by         text,
  CHECK (person_id <> related_person_id)
);
CREATE INDEX person_links_person_idx ON person_links (person_id);
CREATE INDEX person_links_related_idx ON person_links (related_person_id);
COMMENT ON TABLE person_links IS 'Family links: related_person_id is <relation> of person_id (e.g. parent). Shown from both sides with the inverse relation.';

CREATE TABLE households (
  id          uuid PRIMARY KEY,
  label       text NOT NULL,
  region      text,
  community   text,
  created_at  timestamptz NOT NULL,
  created_by  text
);
COMMENT ON TABLE households IS 'People living together (a family, a shared dwelling), e.g. for registration and assistance.';

CREATE TABLE household_members (
  household_id  uuid NOT NULL REFERENCES households(id),
  person_id     uuid NOT NULL REFERENCES persons(id),
  role          text NOT NULL CHECK (role IN ('head', 'member')),
  PRIMARY KEY (household_id, person_id)
);
CREATE INDEX household_members_person_idx ON household_members (person_id);
COMMENT ON TABLE household_members IS 'Members of a household.';

CREATE TABLE break_glass_grants (
  id          uuid PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users(id),
  person_id   uuid NOT NULL REFERENCES persons(id),
  reason      text NOT NULL,
  granted_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL
);
CREATE INDEX break_glass_grants_user_idx ON break_glass_grants (user_id, person_id, expires_at);
COMMENT ON TABLE break_glass_grants IS 'Time-boxed access of one user to one protected person, with the reason given; each grant is also in the audit log.';
