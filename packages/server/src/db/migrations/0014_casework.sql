-- Case management (issue 6 §1, ADR 0401 domain core, ADR 0402 server). The action log is the truth: a
-- case's status, assignee, transfers, consents, referrals, notes and decisions are folded from it.
-- The columns of `cases` and the rows of `case_tasks` are caches of that fold, rewritten in the same
-- transaction as each appended action, so workqueues filter and page with plain indexes.

CREATE TABLE case_households (
  id          uuid PRIMARY KEY,
  label       text NOT NULL,
  agency_id   uuid NOT NULL REFERENCES agencies(id),
  created_at  timestamptz NOT NULL,
  created_by  text NOT NULL
);
COMMENT ON TABLE case_households IS 'A household or family whose cases are handled together (grouping only: each case keeps its own log).';

CREATE SEQUENCE case_number_seq;

CREATE TABLE cases (
  id                   uuid PRIMARY KEY,
  number               text NOT NULL UNIQUE,
  case_type            text NOT NULL,
  type_version         integer NOT NULL,
  title                text NOT NULL DEFAULT '',
  status               text NOT NULL,
  terminal             boolean NOT NULL DEFAULT false,
  version              integer NOT NULL DEFAULT 0,
  agency_id            uuid NOT NULL REFERENCES agencies(id),
  agency_code          text NOT NULL,
  office_id            uuid REFERENCES offices(id),
  jurisdiction_path    text NOT NULL,
  assignee_id          uuid REFERENCES users(id),
  household_id         uuid REFERENCES case_households(id),
  subject_person_ids   uuid[] NOT NULL DEFAULT '{}',
  pending_transfer_to  text,
  next_due_on          date,
  remind_on            date,
  breached             boolean NOT NULL DEFAULT false,
  search_text          text NOT NULL DEFAULT '',
  opened_on            date NOT NULL,
  last_action_on       date NOT NULL,
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL
);
COMMENT ON TABLE cases IS 'One row per case. status, terminal, version, agency, assignee, pending transfer, next due date and breach flag are a cache of the fold over case_actions (ADR 0401 §5), rewritten with each action.';
COMMENT ON COLUMN cases.version IS 'Number of actions in the log; equals max(case_actions.seq).';
COMMENT ON COLUMN cases.next_due_on IS 'Earliest due date of a running deadline (null: none running).';
COMMENT ON COLUMN cases.breached IS 'Some deadline ran past its due date as of the last action (a running deadline past due today is found by next_due_on < today).';
COMMENT ON COLUMN cases.search_text IS 'Lower-case number, title and case type for the workqueue text filter.';
-- Workqueue: open cases of a jurisdiction subtree / agency, ordered by due date; the others are filters.
CREATE INDEX cases_queue_idx ON cases (terminal, jurisdiction_path text_pattern_ops, next_due_on, id);
CREATE INDEX cases_agency_idx ON cases (agency_id, terminal, next_due_on);
CREATE INDEX cases_assignee_idx ON cases (assignee_id, terminal, next_due_on) WHERE assignee_id IS NOT NULL;
CREATE INDEX cases_household_idx ON cases (household_id) WHERE household_id IS NOT NULL;
CREATE INDEX cases_transfer_idx ON cases (pending_transfer_to) WHERE pending_transfer_to IS NOT NULL;
CREATE INDEX cases_status_idx ON cases (case_type, status);

CREATE TABLE case_actions (
  case_id          uuid NOT NULL REFERENCES cases(id),
  seq              integer NOT NULL CHECK (seq >= 1),
  code             text NOT NULL,
  actor_id         text NOT NULL,
  actor_name       text NOT NULL,
  actor_agency     text NOT NULL,
  actor_roles      text[] NOT NULL,
  on_date          date NOT NULL,
  at               timestamptz NOT NULL,
  payload          jsonb NOT NULL,
  override         jsonb,
  PRIMARY KEY (case_id, seq)
);
COMMENT ON TABLE case_actions IS 'The append-only action log of each case. seq = baseVersion + 1: of two concurrent appends on one version only one commits (the primary key), the other is a 409.';

CREATE FUNCTION case_actions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_actions is append-only';
END $$;
CREATE TRIGGER case_actions_no_change BEFORE UPDATE OR DELETE ON case_actions
  FOR EACH ROW EXECUTE FUNCTION case_actions_append_only();

CREATE TABLE case_tasks (
  case_id      uuid NOT NULL REFERENCES cases(id),
  code         text NOT NULL,
  started_by   integer NOT NULL,
  label        text NOT NULL,
  unit         text NOT NULL,
  started_on   date NOT NULL,
  due_on       date NOT NULL,
  remind_on    date,
  stopped_on   date,
  breached     boolean NOT NULL,
  PRIMARY KEY (case_id, code, started_by)
);
COMMENT ON TABLE case_tasks IS 'Deadline runs of each case as folded (due dates from the case type and the profile''s holiday calendar); rewritten with each action. Reminders: running tasks with remind_on <= today.';
CREATE INDEX case_tasks_due_idx ON case_tasks (due_on) WHERE stopped_on IS NULL;

CREATE TABLE case_attachments (
  id          uuid PRIMARY KEY,
  case_id     uuid NOT NULL REFERENCES cases(id),
  seq         integer NOT NULL,
  name        text NOT NULL,
  media_type  text NOT NULL,
  size        integer NOT NULL CHECK (size > 0),
  sha256      text NOT NULL,
  content     bytea NOT NULL,
  created_at  timestamptz NOT NULL,
  FOREIGN KEY (case_id, seq) REFERENCES case_actions(case_id, seq)
);
COMMENT ON TABLE case_attachments IS 'Attachment bytes (ADR 0402: in the database, so a backup, a transaction and access control cover file and log entry together). The metadata is also in the attach-file action.';
CREATE INDEX case_attachments_case_idx ON case_attachments (case_id);
