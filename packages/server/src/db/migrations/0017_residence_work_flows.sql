-- Residence-status and work-permit applications as cases (ADR 0404). The case log stays the truth of
-- each procedure; these tables link a case to what its decisions created in the registries (the
-- residence status and its card, the work permit) so that later decisions can find and end them, and
-- so that earlier refusals of a person can be found when they apply again (Law on Foreigners art. 20(4)).

CREATE SEQUENCE residence_card_seq;
COMMENT ON SEQUENCE residence_card_seq IS 'Serial part of residence card numbers allocated when a residence status is granted.';

CREATE TABLE residence_applications (
  case_id       uuid PRIMARY KEY REFERENCES cases(id),
  person_id     uuid NOT NULL REFERENCES persons(id),
  kind          text NOT NULL CHECK (kind IN ('temporary', 'permanent', 'special')),
  ground        text NOT NULL,
  status_id     uuid REFERENCES residence_statuses(id),
  refused_on    text CHECK (refused_on ~ '^\d{4}-\d{2}-\d{2}$'),
  reapply_from  text CHECK (reapply_from ~ '^\d{4}-\d{2}-\d{2}$'),
  created_at    timestamptz NOT NULL
);
CREATE INDEX residence_applications_person_idx ON residence_applications (person_id);
COMMENT ON TABLE residence_applications IS 'A residence-status case: applicant, kind and ground, the status its grant created (latest after an extension), and a refusal with the first day to apply again.';

CREATE TABLE work_permit_applications (
  case_id              uuid PRIMARY KEY REFERENCES cases(id),
  person_id            uuid NOT NULL REFERENCES persons(id),
  employer_id          uuid NOT NULL REFERENCES work_employers(id),
  permit_number        text UNIQUE,
  valid_from           text CHECK (valid_from ~ '^\d{4}-\d{2}-\d{2}$'),
  valid_to             text CHECK (valid_to ~ '^\d{4}-\d{2}-\d{2}$'),
  residence_status_id  uuid REFERENCES residence_statuses(id),
  ended_on             text CHECK (ended_on ~ '^\d{4}-\d{2}-\d{2}$'),
  end_reason           text,
  notice_id            uuid REFERENCES work_employer_notices(id),
  created_at           timestamptz NOT NULL
);
CREATE INDEX work_permit_applications_person_idx ON work_permit_applications (person_id);
CREATE INDEX work_permit_applications_employer_idx ON work_permit_applications (employer_id);
COMMENT ON TABLE work_permit_applications IS 'A work-permit case: worker and employer, the permit granted with employment-based residence, and its end on the employer''s termination notice.';
