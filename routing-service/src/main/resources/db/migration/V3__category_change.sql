-- When an officer or moderator last corrected the problem type: the due date is then never
-- earlier than the end of the first working day after it (ADR 0006, "Category changes").
alter table routing_request add column category_changed_at timestamptz;
