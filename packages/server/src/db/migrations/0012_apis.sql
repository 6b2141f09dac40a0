-- Advance passenger information (issue 4 §3, ADR 0504): airline manifests (CSV or UN/EDIFACT PAXLST) for
-- arrivals at a crossing point, each passenger pre-screened with the console's own check before arrival,
-- and the adjudication of every pre-screen hit.

CREATE TABLE border_apis_manifests (
  id                 uuid PRIMARY KEY,
  crossing_point     text NOT NULL,
  jurisdiction_path  text NOT NULL,
  format             text NOT NULL CHECK (format IN ('csv', 'paxlst')),
  flight_number      text NOT NULL,
  carrier            text NOT NULL,
  departure_airport  text,
  arrival_airport    text,
  scheduled_arrival  text NOT NULL,
  arrival_date       text NOT NULL,
  content_hash       text NOT NULL,
  source_ref         text,
  rows_read          integer NOT NULL,
  passenger_count    integer NOT NULL,
  errors             jsonb NOT NULL DEFAULT '[]',
  warnings           jsonb NOT NULL DEFAULT '[]',
  list_versions      jsonb NOT NULL,
  screened_at        timestamptz NOT NULL,
  uploaded_at        timestamptz NOT NULL,
  uploaded_by        text NOT NULL,
  uploaded_by_name   text NOT NULL,
  superseded_by      uuid REFERENCES border_apis_manifests(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE UNIQUE INDEX border_apis_manifests_content_idx ON border_apis_manifests (crossing_point, content_hash);
CREATE UNIQUE INDEX border_apis_manifests_current_idx ON border_apis_manifests (crossing_point, flight_number, arrival_date) WHERE superseded_by IS NULL;
CREATE INDEX border_apis_manifests_arrival_idx ON border_apis_manifests (crossing_point, arrival_date);
COMMENT ON TABLE border_apis_manifests IS 'Airline manifests (advance passenger information) for one flight arriving at one crossing point: the broken rows reported at upload, and the list versions the passengers were last screened against (a list change before arrival re-screens). The same file again is a replay (unique content hash per point); another file for the same flight and arrival date supersedes the current one.';
COMMENT ON COLUMN border_apis_manifests.scheduled_arrival IS 'Local time at the arrival airport, YYYY-MM-DDTHH:MM, as the airline sent it.';
COMMENT ON COLUMN border_apis_manifests.list_versions IS 'Version counter of each screening list (border_list_versions) when the passengers were last screened.';

CREATE TABLE border_apis_passengers (
  id               uuid PRIMARY KEY,
  manifest_id      uuid NOT NULL REFERENCES border_apis_manifests(id),
  seq              integer NOT NULL,
  source           jsonb NOT NULL,
  role             text NOT NULL CHECK (role IN ('passenger', 'crew')),
  surname          text NOT NULL,
  given_names      text NOT NULL,
  birth_date       text,
  sex              text,
  nationality      text,
  document_number  text NOT NULL,
  document_type    text,
  issuing_state    text,
  expiry_date      text,
  person_id        uuid REFERENCES persons(id),
  person           jsonb,
  hits             jsonb NOT NULL DEFAULT '[]',
  suppressed       jsonb NOT NULL DEFAULT '[]',
  history          jsonb NOT NULL DEFAULT '[]',
  hit_count        integer NOT NULL,
  screened_at      timestamptz NOT NULL,
  UNIQUE (manifest_id, seq)
);
CREATE INDEX border_apis_passengers_document_idx ON border_apis_passengers (document_number, issuing_state);
CREATE INDEX border_apis_passengers_hits_idx ON border_apis_passengers (manifest_id) WHERE hit_count > 0;
COMMENT ON TABLE border_apis_passengers IS 'One traveller of a manifest as the airline sent them, with the result of the pre-screen: matched person (id, score, same document, masked), list hits, hits suppressed by a known false-hit adjudication, and earlier refusals and overstays.';

CREATE TABLE border_apis_adjudications (
  id             uuid PRIMARY KEY,
  passenger_id   uuid NOT NULL REFERENCES border_apis_passengers(id),
  entry_id       uuid NOT NULL REFERENCES border_list_entries(id),
  entry_version  integer NOT NULL,
  outcome        text NOT NULL CHECK (outcome IN ('true_hit', 'false_hit')),
  reason         text NOT NULL,
  by_id          text NOT NULL,
  by_name        text NOT NULL,
  at             timestamptz NOT NULL
);
CREATE INDEX border_apis_adjudications_passenger_idx ON border_apis_adjudications (passenger_id);
COMMENT ON TABLE border_apis_adjudications IS 'Adjudications of pre-screen hits (true or false hit, by whom, why). When the passenger is a known person the same judgement is also written to border_adjudications, so a false hit does not stop that person again.';
