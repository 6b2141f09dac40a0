-- The persons of border rows must exist, checked without locking the persons' rows (ADR 0512).
--
-- The foreign keys border_crossings.person_id and border_stay_positions.person_id → persons locked the
-- referenced row (FOR KEY SHARE) for every row inserted, so that the person could not be deleted before
-- the insert committed. The lock is written into the person's row: every crossing dirtied a random page of
-- the persons table, which went to disk again and, as the first change of that page after a checkpoint,
-- was copied whole into the WAL (with 1,000,000 persons, about a tenth of the border pipeline's WAL).
-- Persons are never deleted (a merge keeps both rows, ADR 0301). The database now forbids it, and then a
-- check that the person is there cannot be undone before the insert commits. The check runs once per
-- statement over the rows it inserted (a group of crossings is one statement, ADR 0511), after the
-- statement, when persons registered by the same statement are visible.
ALTER TABLE border_crossings DROP CONSTRAINT border_crossings_person_id_fkey;
ALTER TABLE border_stay_positions DROP CONSTRAINT border_stay_positions_person_id_fkey;

CREATE FUNCTION persons_forbid_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'persons are never deleted: a duplicate is merged, which keeps both records' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER persons_no_delete BEFORE DELETE ON persons
  FOR EACH ROW EXECUTE FUNCTION persons_forbid_delete();

-- The rows the statement inserted (transition table `inserted`) whose `person_id` names no person: the
-- first one is reported, as a foreign key would (SQLSTATE 23503).
CREATE FUNCTION inserted_persons_exist() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing uuid;
BEGIN
  SELECT n.person_id INTO missing FROM inserted n
   WHERE n.person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM persons p WHERE p.id = n.person_id)
   LIMIT 1;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION '%: no person %', TG_TABLE_NAME, missing USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END;
$$;
COMMENT ON FUNCTION inserted_persons_exist() IS 'The persons named by the rows a statement inserted exist: in place of a foreign key, whose row lock dirtied a persons page per insert (ADR 0512).';
CREATE TRIGGER border_crossings_persons_exist AFTER INSERT ON border_crossings
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION inserted_persons_exist();
CREATE TRIGGER border_stay_positions_persons_exist AFTER INSERT ON border_stay_positions
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION inserted_persons_exist();
