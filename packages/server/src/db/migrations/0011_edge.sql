-- Edge mode (issue 4 §5, ADR 0503): a crossing point's own server keeps an outbox of its crossings with a
-- per-node sequence and remembers how current its copies of the centre's lists are; the centre records
-- what each node delivered and flags documents used at two posts in an impossible interval.

-- Edge side -------------------------------------------------------------------------------------------

CREATE TABLE edge_node (
  id                 integer PRIMARY KEY CHECK (id = 1),
  node_id            text NOT NULL,
  seq                bigint NOT NULL DEFAULT 0,
  last_recorded_at   timestamptz,
  last_contact_at    timestamptz,
  last_error_at      timestamptz,
  last_error         text,
  lists_checked_at   timestamptz,
  list_versions      jsonb NOT NULL DEFAULT '{}',
  reference_digest   text,
  accounts_digest    text,
  accounts           integer NOT NULL DEFAULT 0
);
COMMENT ON TABLE edge_node IS 'Edge nodes only: one row. The last sequence number given to a crossing, the latest recording instant (a clock running backwards is detected against it), the last contact with the centre and the last error, and the versions of the lists, reference data and accounts pulled from the centre.';
COMMENT ON COLUMN edge_node.lists_checked_at IS 'When the centre last confirmed (or sent) the current lists: the console shows how old the lists are from this.';

CREATE TABLE edge_outbox (
  seq            bigint PRIMARY KEY,
  crossing_id    uuid NOT NULL UNIQUE REFERENCES border_crossings(id),
  payload        jsonb NOT NULL,
  officer_id     text NOT NULL,
  officer_name   text NOT NULL,
  recorded_at    timestamptz NOT NULL,
  clock_warning  boolean NOT NULL DEFAULT false,
  state          text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'rejected')),
  attempts       integer NOT NULL DEFAULT 0,
  last_error     text,
  delivered_at   timestamptz,
  response       jsonb
);
CREATE INDEX edge_outbox_pending_idx ON edge_outbox (seq) WHERE state = 'pending';
COMMENT ON TABLE edge_outbox IS 'Edge nodes only: every crossing recorded here, written in the same transaction as the crossing, pushed to the centre in sequence order with the idempotency key nodeId:seq. Rows are never deleted: delivered ones keep the centre''s answer, rejected ones (the centre refused the record itself) stay for review.';
COMMENT ON COLUMN edge_outbox.payload IS 'The crossing request as the centre receives it: the officer''s request with the recorded instant and without the edge''s person id (the centre matches the person again).';

-- Centre side -----------------------------------------------------------------------------------------

CREATE TABLE edge_deliveries (
  node_id        text NOT NULL,
  seq            bigint NOT NULL,
  crossing_id    uuid NOT NULL UNIQUE REFERENCES border_crossings(id),
  token_id       uuid NOT NULL,
  clock_warning  boolean NOT NULL,
  received_at    timestamptz NOT NULL,
  PRIMARY KEY (node_id, seq)
);
COMMENT ON TABLE edge_deliveries IS 'Centre: each crossing delivered by an edge node, by node and sequence number, with the token that delivered it and whether the node''s clock had run backwards. Written in the transaction that records the crossing.';

CREATE TABLE edge_conflicts (
  id                uuid PRIMARY KEY,
  document_key      text NOT NULL,
  crossing_id       uuid NOT NULL REFERENCES border_crossings(id),
  other_crossing_id uuid NOT NULL REFERENCES border_crossings(id),
  crossing_point    text NOT NULL,
  other_point       text NOT NULL,
  jurisdiction_paths text[] NOT NULL,
  interval_minutes  integer NOT NULL,
  minimum_minutes   integer NOT NULL,
  detected_at       timestamptz NOT NULL,
  state             text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved')),
  resolution        text,
  resolved_at       timestamptz,
  resolved_by       text,
  resolved_by_name  text,
  UNIQUE (crossing_id, other_crossing_id)
);
CREATE INDEX edge_conflicts_state_idx ON edge_conflicts (state, detected_at);
COMMENT ON TABLE edge_conflicts IS 'Centre: the same document (issuing state and number) used at two different crossing points closer in time than anyone can travel between them. Both crossings are kept; a supervisor reviews the pair and records what was found.';
COMMENT ON COLUMN edge_conflicts.jurisdiction_paths IS 'The jurisdictions of both crossing points: a supervisor of either may review the conflict.';
