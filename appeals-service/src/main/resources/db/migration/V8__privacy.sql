-- When the personal data of the appeal was removed (retention after it finished; ADR 0017), so
-- the retention job never takes the same appeal twice.
alter table appeal add column personal_data_erased_at timestamptz;
create index appeal_retention_idx on appeal (updated_at) where personal_data_erased_at is null
    and status in ('CLOSED', 'REJECTED', 'WITHDRAWN');
