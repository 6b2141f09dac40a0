-- The audit log's `hash` column was declared UNIQUE, which gave it a unique B-tree index (ADR 0512).
-- Nothing reads a row by its hash: verification walks the chain by id, and tamper evidence comes from each
-- row's hash covering the previous one, not from an index. SHA-256 values are spread uniformly, so every
-- appended row inserted its entry at a random leaf of that index: once the log is larger than memory (every
-- read of personal data is a row), a random page write per audit row, the costliest index of the table. A
-- duplicated hash would need a SHA-256 collision, and a forged row breaks the chain whatever its hash.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_hash_key;
