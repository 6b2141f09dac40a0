-- Recording a crossing blocks namesakes by the birth dates that can still reach the holder score (ADR 0507:
-- the same date, day and month swapped, a year apart) instead of by a three-year range of birth years,
-- which for a common name key in a registry of a million read thousands of index entries per search.
-- Full dates are looked up directly; partial dates (year, year-month) in a small partial index.
CREATE INDEX person_name_keys_key_date_idx ON person_name_keys (key, birth_date, person_id);
CREATE INDEX person_name_keys_key_partial_year_idx ON person_name_keys (key, birth_year, person_id) WHERE length(birth_date) < 10;
