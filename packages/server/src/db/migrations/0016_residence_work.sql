-- Visas, residence status and work (issue 6 §2–§3, ADR 0701). Dates of legal effect are ISO text
-- (YYYY-MM-DD), like border_crossings.local_date: they are calendar dates, not instants.

CREATE TABLE residence_evisa_imports (
  id           uuid PRIMARY KEY,
  file_name    text NOT NULL,
  file_sha256  text NOT NULL,
  rows_read    integer NOT NULL,
  loaded       integer NOT NULL,
  unchanged    integer NOT NULL,
  errors       jsonb NOT NULL,
  created_at   timestamptz NOT NULL,
  created_by   text NOT NULL
);
COMMENT ON TABLE residence_evisa_imports IS 'Each e-visa file received from the Ministry of Foreign Affairs: counts and the broken rows with their line numbers (the file itself is not kept).';

CREATE TABLE residence_visas (
  id                uuid PRIMARY KEY,
  person_id         uuid NOT NULL REFERENCES persons(id),
  jurisdiction_path text,
  type              text NOT NULL CHECK (type IN ('visitor', 'official', 'diplomatic', 'transit', 'e_visa')),
  number            text NOT NULL UNIQUE,
  issuing_post      text NOT NULL,
  valid_from        text NOT NULL CHECK (valid_from ~ '^\d{4}-\d{2}-\d{2}$'),
  valid_to          text NOT NULL CHECK (valid_to ~ '^\d{4}-\d{2}-\d{2}$'),
  stay_days         integer NOT NULL CHECK (stay_days > 0),
  entries           text NOT NULL CHECK (entries IN ('single', 'double', 'multiple')),
  passport_number   text,
  document_id       uuid NOT NULL,
  import_id         uuid REFERENCES residence_evisa_imports(id),
  withdrawn_at      timestamptz,
  withdrawal_reason text,
  created_at        timestamptz NOT NULL,
  created_by        text NOT NULL,
  CHECK (valid_from <= valid_to)
);
CREATE INDEX residence_visas_person_idx ON residence_visas (person_id);
CREATE INDEX residence_visas_valid_idx ON residence_visas (valid_to, type);
COMMENT ON TABLE residence_visas IS 'Visas issued by the country (e-visas imported from the MFA file): holder, validity, stay per entry, entries. Each is also a document (type visa) on the holder''s person record, so the stay engine sees it; a withdrawal marks that document revoked.';
COMMENT ON COLUMN residence_visas.document_id IS 'Id of the document item on the person record (persons.record.documents[].id).';

CREATE TABLE residence_statuses (
  id                uuid PRIMARY KEY,
  person_id         uuid NOT NULL REFERENCES persons(id),
  jurisdiction_path text,
  kind              text NOT NULL CHECK (kind IN ('temporary', 'permanent', 'special')),
  ground            text NOT NULL,
  card_number       text NOT NULL UNIQUE,
  valid_from        text NOT NULL CHECK (valid_from ~ '^\d{4}-\d{2}-\d{2}$'),
  valid_to          text NOT NULL CHECK (valid_to ~ '^\d{4}-\d{2}-\d{2}$'),
  issuing_office    text NOT NULL,
  decision_ref      text,
  document_id       uuid NOT NULL,
  withdrawn_at      timestamptz,
  withdrawal_reason text,
  created_at        timestamptz NOT NULL,
  created_by        text NOT NULL,
  CHECK (valid_from <= valid_to)
);
CREATE INDEX residence_statuses_person_idx ON residence_statuses (person_id);
COMMENT ON TABLE residence_statuses IS 'Residence status held by a person (temporary 1 year, permanent 5, special 10; ground from the Law on Foreigners code list) and its residence card, which is also a residence_permit document on the person record. Withdrawal keeps the row with withdrawn_at.';
COMMENT ON COLUMN residence_statuses.decision_ref IS 'The case or decision that granted the status (set by the case module).';

CREATE TABLE residence_addresses (
  id               uuid PRIMARY KEY,
  person_id        uuid NOT NULL REFERENCES persons(id),
  status_id        uuid REFERENCES residence_statuses(id),
  region           text NOT NULL,
  community        text NOT NULL,
  line             text NOT NULL,
  registered_from  text NOT NULL CHECK (registered_from ~ '^\d{4}-\d{2}-\d{2}$'),
  registered_to    text CHECK (registered_to ~ '^\d{4}-\d{2}-\d{2}$'),
  created_at       timestamptz NOT NULL,
  created_by       text NOT NULL
);
CREATE INDEX residence_addresses_person_idx ON residence_addresses (person_id, registered_from);
COMMENT ON TABLE residence_addresses IS 'Address registrations of foreign residents; a new registration closes the open one (registered_to).';

CREATE TABLE work_employers (
  id                uuid PRIMARY KEY,
  country           text NOT NULL,
  tax_number        text NOT NULL,
  name              text NOT NULL,
  address           text NOT NULL,
  region            text,
  jurisdiction_path text,
  contacts          jsonb NOT NULL DEFAULT '[]',
  created_at        timestamptz NOT NULL,
  created_by        text NOT NULL,
  UNIQUE (country, tax_number)
);
COMMENT ON TABLE work_employers IS 'Employers registered to employ foreigners; tax number validated by the country profile rule (Armenian TIN: 8 digits).';

CREATE TABLE work_employer_notices (
  id            uuid PRIMARY KEY,
  employer_id   uuid NOT NULL REFERENCES work_employers(id),
  person_id     uuid REFERENCES persons(id),
  kind          text NOT NULL CHECK (kind IN ('termination', 'hire', 'change')),
  effective_on  text NOT NULL CHECK (effective_on ~ '^\d{4}-\d{2}-\d{2}$'),
  note          text,
  created_at    timestamptz NOT NULL,
  created_by    text NOT NULL
);
CREATE INDEX work_employer_notices_employer_idx ON work_employer_notices (employer_id, effective_on);
COMMENT ON TABLE work_employer_notices IS 'Notices an employer gives about a foreign worker (termination of employment, hire, change).';

CREATE TABLE work_agencies (
  id                  uuid PRIMARY KEY,
  country             text NOT NULL,
  registration_number text NOT NULL UNIQUE,
  tax_number          text NOT NULL,
  name                text NOT NULL,
  address             text NOT NULL,
  region              text,
  jurisdiction_path   text,
  phone               text,
  email               text,
  website             text,
  registered_on       text NOT NULL CHECK (registered_on ~ '^\d{4}-\d{2}-\d{2}$'),
  created_at          timestamptz NOT NULL,
  created_by          text NOT NULL,
  UNIQUE (country, tax_number)
);
COMMENT ON TABLE work_agencies IS 'Private employment agencies registered with the labour ministry; their standing (registered, suspended, revoked) follows from work_agency_sanctions. The public list shows only business data.';

CREATE TABLE work_agency_inspections (
  id            uuid PRIMARY KEY,
  agency_id     uuid NOT NULL REFERENCES work_agencies(id),
  inspected_on  text NOT NULL CHECK (inspected_on ~ '^\d{4}-\d{2}-\d{2}$'),
  result        text NOT NULL CHECK (result IN ('compliant', 'minor_breaches', 'serious_breaches')),
  findings      text NOT NULL,
  created_at    timestamptz NOT NULL,
  created_by    text NOT NULL
);
COMMENT ON TABLE work_agency_inspections IS 'Inspections of an employment agency and their findings.';

CREATE TABLE work_agency_complaints (
  id            uuid PRIMARY KEY,
  agency_id     uuid NOT NULL REFERENCES work_agencies(id),
  received_on   text NOT NULL CHECK (received_on ~ '^\d{4}-\d{2}-\d{2}$'),
  complainant   text,
  summary       text NOT NULL,
  state         text NOT NULL CHECK (state IN ('open', 'upheld', 'dismissed')),
  created_at    timestamptz NOT NULL,
  created_by    text NOT NULL
);
COMMENT ON TABLE work_agency_complaints IS 'Complaints against an employment agency (the complainant is personal data and never public).';

CREATE TABLE work_agency_sanctions (
  id          uuid PRIMARY KEY,
  agency_id   uuid NOT NULL REFERENCES work_agencies(id),
  kind        text NOT NULL CHECK (kind IN ('warning', 'fine', 'suspension', 'revocation')),
  from_date   text NOT NULL CHECK (from_date ~ '^\d{4}-\d{2}-\d{2}$'),
  to_date     text CHECK (to_date ~ '^\d{4}-\d{2}-\d{2}$'),
  amount      numeric,
  reason      text NOT NULL,
  created_at  timestamptz NOT NULL,
  created_by  text NOT NULL
);
CREATE INDEX work_agency_sanctions_agency_idx ON work_agency_sanctions (agency_id, from_date);
COMMENT ON TABLE work_agency_sanctions IS 'Sanctions imposed on an employment agency; a suspension in force or a revocation changes its standing.';
