-- A group of crossings is written by one statement that commits on its own (ADR 0511): no BEGIN, no
-- COMMIT, no transaction held open across round trips. What the group writer used to check between its
-- statements, before committing, the statement now checks itself, and fails as a whole:
-- - every crossing was inserted and every audit row chained (anything else is a bug: KB002);
-- - every idempotency key was claimed (another delivery of the same request holds one: KB001, and the
--   writer replays that delivery's answer).
CREATE FUNCTION border_group_check(claimed bigint, claims integer, written bigint, crossings integer, audited bigint, audits integer)
RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  IF written <> crossings OR audited <> audits THEN
    RAISE EXCEPTION USING ERRCODE = 'KB002', MESSAGE = format('group write: %s of %s crossings, %s of %s audit rows', written, crossings, audited, audits);
  END IF;
  IF claimed <> claims THEN
    RAISE EXCEPTION USING ERRCODE = 'KB001', MESSAGE = format('group write: %s of %s idempotency keys claimed; another delivery holds the rest', claimed, claims);
  END IF;
  RETURN true;
END
$$;
COMMENT ON FUNCTION border_group_check(bigint, integer, bigint, integer, bigint, integer) IS 'Fails a group write statement (crossings, answers, audit: ADR 0511) unless it wrote all it was given; KB001 = an idempotency key is held by another delivery.';
