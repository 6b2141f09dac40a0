-- One index of name keys by birth date instead of two (ADR 0512). Registering a person writes each of its
-- name keys (six on average) into every index of person_name_keys, each at a random leaf page of an index
-- of hundreds of megabytes at registry scale: with a new traveller at about one crossing in four, the two
-- date indexes were a quarter of the border pipeline's WAL (full copies of the leaves changed first after a
-- checkpoint). The year comes before the date in the new index, and the year is the date's first four
-- digits, so:
-- - a full date (recording a crossing, ADR 0507) is one seek: key, its year, the date;
-- - a search by name and year (ADR 0303) is one range: key and year, the month and day checked in the
--   index, as before; it is sorted by person id instead of read in that order, which costs little as
--   one name key's holders born in one year are few.
-- Partial dates keep their small partial index (0021).
CREATE INDEX person_name_keys_key_year_date_idx ON person_name_keys (key, birth_year, birth_date, person_id);
DROP INDEX person_name_keys_key_year_idx;
DROP INDEX person_name_keys_key_date_idx;
