-- The centre's conflict check (ADR 0503) looks for uses of a document inside a window of minutes around a
-- crossing. With the index on document_number alone it read every crossing of the document and kept the
-- few inside the window: for a driver who crosses daily, hundreds of heap pages per check (ADR 0510). With
-- the time in the index it reads only the window. The same index serves every lookup by document number
-- (a new traveller's earlier crossings, in time order), so it replaces the old one.
CREATE INDEX border_crossings_document_time_idx ON border_crossings (document_number, occurred_at);
DROP INDEX border_crossings_document_idx;
