-- Casework at its measured targets (issue 6 §4, ADR 0402 "Measured"). The workqueue's access clause is now
-- a byte-wise range on jurisdiction_path, served by cases_queue_idx (text_pattern_ops); the reviewer's
-- "all cases of a type" clause by cases_status_idx. What no index served was the office filter.

-- "Cases of my office": open cases of one office, by due date.
CREATE INDEX cases_office_open_idx ON cases (office_id, next_due_on) WHERE NOT terminal AND office_id IS NOT NULL;
