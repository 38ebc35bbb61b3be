-- Webhook privacy: what the public view may show of an appeal. Both learned from AppealRegistered
-- (the public flag also from AppealCategoryChanged); null while unknown, which counts as not shown.
alter table tracked_appeal add column official boolean;
alter table tracked_appeal add column public_category boolean;

-- Retention: when the appeal finished (closed, rejected, withdrawn) and when its personal data were purged.
alter table tracked_appeal add column finished_at timestamptz;
alter table tracked_appeal add column personal_data_purged_at timestamptz;
create index tracked_appeal_retention_idx on tracked_appeal (finished_at) where personal_data_purged_at is null;

-- Erasure (AppealAuthorErased): the author's id is forgotten, the rows stay without it.
alter table tracked_appeal alter column citizen_id drop not null;
alter table notification alter column citizen_id drop not null;
alter table delivery alter column citizen_id drop not null;
