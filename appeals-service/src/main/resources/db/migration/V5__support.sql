-- Citizens who support another citizen's appeal instead of filing the same problem again.
-- The primary key makes a repeated support a no-op, whatever the timing.
create table appeal_supporter (
    appeal_id     uuid          not null references appeal (id),
    citizen_id    varchar(255)  not null,
    supported_at  timestamptz   not null,
    primary key (appeal_id, citizen_id)
);
create index appeal_supporter_citizen_idx on appeal_supporter (citizen_id, supported_at desc);

-- How many citizens support the appeal: changed by an atomic increment in the transaction that
-- adds or removes the appeal_supporter row, so lists show it without counting per appeal.
alter table appeal add column supporters integer not null default 0 check (supporters >= 0);

-- Nearby duplicates: a bounding box on the coordinates of one problem type (no PostGIS here).
create index appeal_nearby_idx on appeal (category_code, lat, lon);
