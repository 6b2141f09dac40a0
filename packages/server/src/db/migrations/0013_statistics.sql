-- Statistics from the records (issue 5, ADR 0601, docs/statistics/method.md): a change queue filled by
-- triggers on border_crossings (every new record, and the record a correction supersedes) and on persons
-- (sex or birth date changed); per-traveller derived facts (flows, stock segments, usual-residence
-- events) re-derived only for queued travellers; and count tables maintained from them by subtracting
-- a traveller's old facts and adding the new ones. History is never recomputed.

CREATE TABLE stat_queue (
  id         bigserial PRIMARY KEY,
  traveller  text NOT NULL,
  queued_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stat_queue_traveller_idx ON stat_queue (traveller);
COMMENT ON TABLE stat_queue IS 'Travellers whose statistics must be re-derived (p:<person id> or d:<document number>); emptied by the statistics worker (refreshStatistics).';

CREATE FUNCTION stat_traveller(person uuid, document text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN person IS NOT NULL THEN 'p:' || person::text ELSE 'd:' || document END
$$;

CREATE FUNCTION stat_enqueue_crossing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_queue (traveller) VALUES (stat_traveller(NEW.person_id, NEW.document_number));
  IF NEW.supersedes IS NOT NULL THEN
    INSERT INTO stat_queue (traveller)
      SELECT stat_traveller(o.person_id, o.document_number) FROM border_crossings o
       WHERE o.id = NEW.supersedes AND stat_traveller(o.person_id, o.document_number) <> stat_traveller(NEW.person_id, NEW.document_number);
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER border_crossings_statistics AFTER INSERT ON border_crossings
  FOR EACH ROW EXECUTE FUNCTION stat_enqueue_crossing();

CREATE FUNCTION stat_enqueue_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.sex IS DISTINCT FROM OLD.sex OR NEW.birth_date IS DISTINCT FROM OLD.birth_date THEN
    INSERT INTO stat_queue (traveller) VALUES ('p:' || NEW.id::text);
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER persons_statistics AFTER UPDATE ON persons
  FOR EACH ROW EXECUTE FUNCTION stat_enqueue_person();

CREATE TABLE stat_flow_facts (
  crossing_id     uuid NOT NULL,
  traveller       text NOT NULL,
  day             text NOT NULL,
  week            text NOT NULL,
  month           text NOT NULL,
  quarter         text NOT NULL,
  year            text NOT NULL,
  outcome         text NOT NULL CHECK (outcome IN ('admit', 'refuse')),
  direction       text NOT NULL,
  crossing_point  text NOT NULL,
  citizenship     text NOT NULL,
  citizen_group   text NOT NULL,
  sex             text NOT NULL,
  age5            text NOT NULL,
  age_broad       text NOT NULL,
  transport       text NOT NULL,
  purpose         text NOT NULL,
  firsts          bigint NOT NULL DEFAULT 0,
  fresh           boolean NOT NULL DEFAULT false
);
-- fresh: the worker writes a traveller's new facts next to the old ones (fresh = true), moves the summary
-- tables by the net difference, then drops the old facts; outside a worker transaction it is always false.
CREATE INDEX stat_flow_facts_traveller_idx ON stat_flow_facts (traveller);
CREATE INDEX stat_flow_facts_day_idx ON stat_flow_facts (outcome, direction, day);
COMMENT ON TABLE stat_flow_facts IS 'One row per current (not superseded) admitted or refused crossing, with its statistical codes and period codes; firsts marks the (cuboid, grain) cells in which it is its traveller''s first crossing. Requests no cuboid answers are counted over it.';

-- Flow summary tables ("cuboids", ADR 0601 Scale): per cuboid (a set of key dimensions, see
-- packages/domain/src/statistics/cuboids.ts), grain, period, outcome, direction and cell, the crossings
-- (n) and the distinct travellers (persons: the sum of the facts' first-in-cell flags). Dimensions outside
-- a cuboid's key are stored as '*'.
CREATE TABLE stat_flow_cuboids (
  cuboid          smallint NOT NULL,
  grain           text NOT NULL,
  outcome         text NOT NULL,
  direction       text NOT NULL,
  period          text NOT NULL,
  crossing_point  text NOT NULL,
  citizenship     text NOT NULL,
  citizen_group   text NOT NULL,
  sex             text NOT NULL,
  age5            text NOT NULL,
  age_broad       text NOT NULL,
  transport       text NOT NULL,
  purpose         text NOT NULL,
  n               bigint NOT NULL,
  persons         bigint NOT NULL,
  PRIMARY KEY (cuboid, grain, outcome, direction, period, crossing_point, citizenship, citizen_group, sex, age5, age_broad, transport, purpose)
);
COMMENT ON TABLE stat_flow_cuboids IS 'Crossings (n) and distinct travellers (persons) per cuboid, grain, period and cell: sums over stat_flow_facts, built by GROUP BY and then maintained by deltas.';

CREATE TABLE stat_stock_segments (
  traveller    text NOT NULL,
  from_day     text NOT NULL,
  to_day       text,
  citizenship  text NOT NULL,
  sex          text NOT NULL,
  age5         text NOT NULL,
  age_broad    text NOT NULL,
  stay_status  text NOT NULL,
  fresh        boolean NOT NULL DEFAULT false
);
CREATE INDEX stat_stock_segments_traveller_idx ON stat_stock_segments (traveller);
COMMENT ON TABLE stat_stock_segments IS 'Foreigners present on every day in [from_day, to_day), cut where the age group or the stay status (regular, irregular) changes.';

CREATE TABLE stat_stock_deltas (
  cuboid       smallint NOT NULL,
  day          text NOT NULL,
  citizenship  text NOT NULL,
  sex          text NOT NULL,
  age5         text NOT NULL,
  age_broad    text NOT NULL,
  stay_status  text NOT NULL,
  delta        bigint NOT NULL,
  PRIMARY KEY (cuboid, day, citizenship, sex, age5, age_broad, stay_status)
);
COMMENT ON TABLE stat_stock_deltas IS 'Changes of the stock of foreigners present per stock cuboid (packages/domain/src/statistics/cuboids.ts; other codes ''*''), day and codes (+1 at a segment start, −1 at its end): the stock at the end of day D is the sum of deltas up to D.';

CREATE TABLE stat_stock_checkpoints (
  cuboid       smallint NOT NULL,
  month        text NOT NULL,
  citizenship  text NOT NULL,
  sex          text NOT NULL,
  age5         text NOT NULL,
  age_broad    text NOT NULL,
  stay_status  text NOT NULL,
  level        bigint NOT NULL,
  PRIMARY KEY (cuboid, month, citizenship, sex, age5, age_broad, stay_status)
);
COMMENT ON TABLE stat_stock_checkpoints IS 'The stock at the end of each month from stat_state.checkpoint_from to checkpoint_to (sum of deltas up to the month''s last day): a stock on a date reads one checkpoint and at most a month of deltas.';

CREATE TABLE stat_migration_events (
  traveller      text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('IMMIGRATION', 'EMIGRATION')),
  day            text NOT NULL,
  week           text NOT NULL,
  month          text NOT NULL,
  quarter        text NOT NULL,
  year           text NOT NULL,
  confirmed_on   text NOT NULL,
  citizenship    text NOT NULL,
  citizen_group  text NOT NULL,
  sex            text NOT NULL,
  age5           text NOT NULL,
  age_broad      text NOT NULL,
  fresh          boolean NOT NULL DEFAULT false
);
CREATE INDEX stat_migration_events_traveller_idx ON stat_migration_events (traveller);
CREATE INDEX stat_migration_events_day_idx ON stat_migration_events (kind, day);
COMMENT ON TABLE stat_migration_events IS 'Changes of usual residence derived from crossing histories (profile legal.usualResidence); an event counts from confirmed_on.';

CREATE TABLE stat_migration_counts (
  cuboid           smallint NOT NULL,
  grain            text NOT NULL,
  period           text NOT NULL,
  kind             text NOT NULL,
  confirmed_month  text NOT NULL,
  citizenship      text NOT NULL,
  citizen_group    text NOT NULL,
  sex              text NOT NULL,
  age5             text NOT NULL,
  age_broad        text NOT NULL,
  n                bigint NOT NULL,
  PRIMARY KEY (cuboid, grain, kind, period, confirmed_month, citizenship, citizen_group, sex, age5, age_broad)
);
CREATE INDEX stat_migration_events_confirmed_idx ON stat_migration_events (kind, confirmed_on);
COMMENT ON TABLE stat_migration_counts IS 'Usual-residence events per cuboid (packages/domain/src/statistics/cuboids.ts; other codes ''*''), grain, period, kind, month of confirmation and codes: events confirmed before the month of at are summed here, the rest counted from stat_migration_events.';

CREATE TABLE stat_points (
  code               text PRIMARY KEY,
  jurisdiction_path  text NOT NULL
);
COMMENT ON TABLE stat_points IS 'Crossing points seen in the statistics and their jurisdiction path (reach of jurisdiction-scoped readers).';

CREATE TABLE stat_state (
  id            integer PRIMARY KEY CHECK (id = 1),
  refreshed_at     timestamptz,
  travellers       bigint NOT NULL DEFAULT 0,
  built_at         timestamptz,
  checkpoint_from  text,
  checkpoint_to    text
);
INSERT INTO stat_state (id) VALUES (1);
COMMENT ON TABLE stat_state IS 'When the statistics worker last emptied the queue (asOf of every answer), how many traveller re-derivations it has done, the last bulk build, and the months covered by stock checkpoints.';

-- Records written before this migration: queue each traveller once.
INSERT INTO stat_queue (traveller) SELECT DISTINCT stat_traveller(person_id, document_number) FROM border_crossings;
