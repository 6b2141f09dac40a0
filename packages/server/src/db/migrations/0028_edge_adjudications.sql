-- Adjudications made at an edge node reach the centre (ADR 0514).
--
-- Edge side: every adjudication made at the node joins this outbox in the transaction that records it. The
-- pusher sends it after the crossings, tied to the person's latest crossing recorded at the node: the centre
-- applies it to the person it linked to that crossing (edge person ids never leave the node).
CREATE TABLE edge_adjudication_outbox (
  adjudication_id  uuid PRIMARY KEY REFERENCES border_adjudications(id),
  queued_at        timestamptz NOT NULL,
  state            text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'rejected')),
  crossing_id      uuid REFERENCES border_crossings(id),
  attempts         integer NOT NULL DEFAULT 0,
  last_error       text,
  delivered_at     timestamptz,
  response         jsonb
);
CREATE INDEX edge_adjudication_outbox_pending_idx ON edge_adjudication_outbox (queued_at) WHERE state = 'pending';
COMMENT ON TABLE edge_adjudication_outbox IS 'Edge nodes only: every hit adjudicated here, written in the same transaction as the adjudication, pushed to the centre after the crossings. It waits until the person has a crossing from this node that the centre accepted; crossing_id is the crossing it was sent with. Rows are never deleted: delivered ones keep the centre''s answer, rejected ones stay for review.';

-- Centre side: which node delivered an adjudication, with which token, tied to which delivered crossing.
CREATE TABLE edge_adjudication_deliveries (
  adjudication_id  uuid PRIMARY KEY REFERENCES border_adjudications(id),
  node_id          text NOT NULL,
  token_id         uuid NOT NULL,
  crossing_id      uuid NOT NULL REFERENCES border_crossings(id),
  received_at      timestamptz NOT NULL
);
COMMENT ON TABLE edge_adjudication_deliveries IS 'Centre: each adjudication delivered by an edge node, with the node, the token and the delivered crossing whose person it was applied to. Written in the transaction that records the adjudication.';
