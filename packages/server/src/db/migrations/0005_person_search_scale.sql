-- Person search at registry scale (ADR 0303): the birth date travels with each name key, so that a search
-- by name and (partial) birth date reads only the keys of persons born then — an index range on the year,
-- the month and day checked in the index — without visiting the persons table; and the search index also
-- holds word-pair keys (`p:<a>|<b>`, written by the application) so that a two-word name is one lookup of
-- its holders instead of the intersection of two long lists.

ALTER TABLE person_name_keys ADD COLUMN birth_year integer;
ALTER TABLE person_name_keys ADD COLUMN birth_date text;
UPDATE person_name_keys k SET birth_year = p.birth_year, birth_date = p.birth_date FROM persons p WHERE p.id = k.person_id AND p.birth_date IS NOT NULL;
CREATE INDEX person_name_keys_key_year_idx ON person_name_keys (key, birth_year, person_id) INCLUDE (birth_date);
COMMENT ON COLUMN person_name_keys.birth_year IS 'Birth year of the person (copy of persons.birth_year, rewritten with the keys on every change): search by name and year is an index range.';
COMMENT ON COLUMN person_name_keys.birth_date IS 'Partial birth date of the person (copy of persons.birth_date), for the month and day of a search in the index.';
