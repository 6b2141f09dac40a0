-- Three more flow cuboids (sex, transport, purpose: ADR 0601, Scale) change every fact's first-in-cell
-- mask. Summary tables cannot be patched by differences for cells they never held, so every derived
-- table is emptied and every traveller queued once (stat_rederive_all, kept for later changes of the
-- summary tables' shape): the worker re-derives them all (one bulk build when the backlog is large).
-- Until it has, the statistics answer from an empty base, with asOf saying when.
CREATE FUNCTION stat_rederive_all() RETURNS void LANGUAGE sql AS $$
  DELETE FROM stat_flow_facts;
  DELETE FROM stat_stock_segments;
  DELETE FROM stat_migration_events;
  DELETE FROM stat_flow_cuboids;
  DELETE FROM stat_stock_deltas;
  DELETE FROM stat_stock_checkpoints;
  DELETE FROM stat_migration_counts;
  DELETE FROM stat_points;
  UPDATE stat_state SET checkpoint_from = NULL, checkpoint_to = NULL, refreshed_at = NULL;
  DELETE FROM stat_queue;
  INSERT INTO stat_queue (traveller) SELECT DISTINCT stat_traveller(person_id, document_number) FROM border_crossings;
$$;
COMMENT ON FUNCTION stat_rederive_all() IS 'Empties every derived statistics table and queues every traveller once (migrations that change the shape of the summary tables).';
REVOKE EXECUTE ON FUNCTION stat_rederive_all() FROM PUBLIC;
SELECT stat_rederive_all();
