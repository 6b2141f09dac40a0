-- Reference data: one generic, versioned table of coded items (countries, ICAO document codes,
-- languages, regions, crossing points) so administration, history and translation work the same way
-- for all of them.

CREATE TABLE reference_items (
  table_name  text NOT NULL,
  key         text NOT NULL,
  names       jsonb NOT NULL,
  attributes  jsonb NOT NULL DEFAULT '{}',
  active      boolean NOT NULL DEFAULT true,
  sort_order  integer NOT NULL DEFAULT 0,
  version     integer NOT NULL DEFAULT 1,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  uuid REFERENCES users(id),
  PRIMARY KEY (table_name, key)
);
COMMENT ON TABLE reference_items IS 'Coded reference items with translated names; table_name is countries, document-codes, languages, regions or crossing-points.';
COMMENT ON COLUMN reference_items.attributes IS 'Table-specific attributes, e.g. alpha2/numeric/EAEU dates for countries, kind and region for crossing points.';

CREATE TABLE reference_history (
  table_name  text NOT NULL,
  key         text NOT NULL,
  version     integer NOT NULL,
  changed_at  timestamptz NOT NULL,
  changed_by  uuid REFERENCES users(id),
  before      jsonb,
  after       jsonb NOT NULL,
  PRIMARY KEY (table_name, key, version)
);
COMMENT ON TABLE reference_history IS 'Every version of every reference item, written in the same transaction as the change.';

CREATE TABLE system_settings (
  key    text PRIMARY KEY,
  value  jsonb NOT NULL
);
COMMENT ON TABLE system_settings IS 'Installation-wide facts such as the country profile the database was seeded with.';
