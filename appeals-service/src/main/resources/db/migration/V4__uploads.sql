-- Photos citizens and officers upload, then name in an appeal or an answer. Only the stripped
-- bytes are ever stored; the row says who uploaded it and, once attached, where it belongs.
create table upload (
    id            uuid         primary key,
    owner_id      varchar(255) not null,
    content_type  varchar(32)  not null,
    size_bytes    bigint       not null,
    width         integer      not null,
    height        integer      not null,
    created_at    timestamptz  not null,
    appeal_id     uuid         references appeal (id),
    purpose       varchar(16),
    position      integer,
    attached_at   timestamptz,
    constraint upload_attached_whole check (
        (appeal_id is null and purpose is null and position is null and attached_at is null)
        or (appeal_id is not null and purpose is not null and position is not null and attached_at is not null))
);
create index upload_appeal_idx on upload (appeal_id, purpose, position) where appeal_id is not null;
-- the cleanup looks for old uploads nobody attached
create index upload_unattached_idx on upload (created_at) where appeal_id is null;

-- The bytes, when stored in PostgreSQL (appeals.uploads.storage=postgres). Downloads read them
-- in slices; EXTERNAL storage skips compressing (photos are compressed already) and lets
-- substring() read only the TOAST chunks a slice needs.
create table upload_content (
    upload_id  uuid   primary key,
    bytes      bytea  not null
);
alter table upload_content alter column bytes set storage external;
