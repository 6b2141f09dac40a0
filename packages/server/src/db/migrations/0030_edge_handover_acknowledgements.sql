-- Acknowledgements of handovers reach the edge node whose referral they were (ADR 0516).
--
-- Centre side: the transaction that acknowledged a handover, the order in which nodes receive them (the
-- cursor and horizon of ADR 0515). Handovers acknowledged before this migration are not sent.
ALTER TABLE border_handovers ADD COLUMN ack_tx xid8;
CREATE INDEX border_handovers_ack_feed_idx ON border_handovers (ack_tx, id) WHERE ack_tx IS NOT NULL;
COMMENT ON COLUMN border_handovers.ack_tx IS 'The transaction that acknowledged the handover (pg_current_xact_id): the order in which edge nodes receive acknowledgements (ADR 0516).';

-- Edge side: the last acknowledgement received.
ALTER TABLE edge_node ADD COLUMN handover_cursor text;
COMMENT ON COLUMN edge_node.handover_cursor IS 'The last handover acknowledgement received from the centre (transaction:id), sent with the next pull (ADR 0516).';
