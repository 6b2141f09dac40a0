-- Large JSON values written with every crossing (the stored answer of an idempotency key, 3–6 kB; person
-- records and their history) are compressed with LZ4 where the server has it (ADR 0508): PostgreSQL's own
-- pglz took a measurable share of the database's time per crossing. Values already stored keep their
-- compression until rewritten; a server built without LZ4 (the embedded PGlite) keeps pglz.
DO $$
BEGIN
  IF 'lz4' = ANY ((SELECT enumvals FROM pg_settings WHERE name = 'default_toast_compression')::text[]) THEN
    ALTER TABLE border_idempotency ALTER COLUMN response SET COMPRESSION lz4;
    ALTER TABLE border_crossings ALTER COLUMN hits SET COMPRESSION lz4, ALTER COLUMN stay SET COMPRESSION lz4;
    ALTER TABLE persons ALTER COLUMN record SET COMPRESSION lz4;
    ALTER TABLE person_history ALTER COLUMN record SET COMPRESSION lz4, ALTER COLUMN details SET COMPRESSION lz4;
    ALTER TABLE audit_log ALTER COLUMN details SET COMPRESSION lz4;
  END IF;
END
$$;
