-- Usual-residence counts are also kept per day of confirmation (confirmed_day; '' on the monthly rows),
-- so that a query no longer counts the events confirmed in the month of `at` one by one: at 10,000,000
-- crossings a month of confirmations is ~100,000 events and that count took 200–250 ms (ADR 0601, Scale).
-- The summary rows change shape, so every derived table is emptied and every traveller queued once
-- (stat_rederive_all, 0019): the worker re-derives them all (one bulk build when the backlog is large).
ALTER TABLE stat_migration_counts ADD COLUMN confirmed_day text NOT NULL DEFAULT '';
ALTER TABLE stat_migration_counts DROP CONSTRAINT stat_migration_counts_pkey;
ALTER TABLE stat_migration_counts ADD PRIMARY KEY (cuboid, grain, kind, confirmed_day, period, confirmed_month, citizenship, citizen_group, sex, age5, age_broad);
COMMENT ON TABLE stat_migration_counts IS 'Usual-residence events per cuboid (packages/domain/src/statistics/cuboids.ts; other codes ''*''), grain, period, kind, month of confirmation and codes, twice: per month (confirmed_day '''') and per day of confirmation. A query sums the monthly rows of months before that of at and the daily rows of that month up to at.';

SELECT stat_rederive_all();
