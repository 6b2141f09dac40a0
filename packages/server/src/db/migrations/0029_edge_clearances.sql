-- Adjudications made at the centre (or delivered there by any node) reach the edge nodes (ADR 0515).
--
-- Centre side: every adjudication carries the id of the transaction that wrote it. A node asks for the ones
-- after its cursor (transaction, id) and below the oldest transaction still running, so that no adjudication
-- committed later can fall behind a cursor already handed out.
ALTER TABLE border_adjudications ADD COLUMN feed_tx xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX border_adjudications_feed_idx ON border_adjudications (feed_tx, id);
COMMENT ON COLUMN border_adjudications.feed_tx IS 'The writing transaction (pg_current_xact_id): the order in which edge nodes receive adjudications (ADR 0515).';

-- Edge side: the centre's adjudications, each under a digest of each travel document its person held when
-- it was sent. Screening at the node reads them for the document a traveller presents.
CREATE TABLE edge_clearances (
  adjudication_id  uuid NOT NULL,
  document_digest  text NOT NULL,
  entry_id         uuid NOT NULL,
  entry_version    integer NOT NULL,
  outcome          text NOT NULL CHECK (outcome IN ('true_hit', 'false_hit')),
  reason           text NOT NULL,
  by_name          text NOT NULL,
  at               timestamptz NOT NULL,
  centre_tx        bigint NOT NULL,
  received_at      timestamptz NOT NULL,
  PRIMARY KEY (adjudication_id, document_digest)
);
CREATE INDEX edge_clearances_document_idx ON edge_clearances (document_digest);
COMMENT ON TABLE edge_clearances IS 'Edge nodes only: the centre''s adjudications of screening hits, one row per travel document of the adjudicated person (a SHA-256 digest of issuing state and number, not the number). A traveller presenting such a document is judged as the centre judged its holder: the latest adjudication per entry and version counts (by its instant, then by the centre''s transaction order), the node''s own included.';

ALTER TABLE edge_node ADD COLUMN clearance_cursor text;
COMMENT ON COLUMN edge_node.clearance_cursor IS 'The last centre adjudication received (transaction:id), sent with the next pull (ADR 0515).';
