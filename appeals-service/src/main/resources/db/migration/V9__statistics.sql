-- Public statistics: each answer remembers the due date it was given against, since reopening
-- moves the appeal's due date and "answered on time" is about the deadline in force then.
alter table appeal_answer add column due_at timestamptz;
-- Answers given before: an appeal never reopened still has the due date of its only answer (an
-- answered appeal's deadline cannot move); a reopened one's earlier due date is lost: null stays.
update appeal_answer x set due_at = a.due_at
from appeal a
where a.id = x.appeal_id
  and not exists (select 1 from appeal_status_change h where h.appeal_id = x.appeal_id and h.to_status = 'REOPENED');

-- The statistics read the routed appeals of a registration window.
create index appeal_statistics_idx on appeal (registered_at) where municipality_code is not null;
