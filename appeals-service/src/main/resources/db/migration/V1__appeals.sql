-- Problem types of the city's classifier (object -> category -> problem type), seeded at start
-- from catalog/nash-spb-classifier-2023.json; admins change deadlines and switch types on or off.
create table category (
    code                   varchar(32)  primary key,
    name                   varchar(500) not null,
    group_code             varchar(32)  not null,
    group_name             varchar(500) not null,
    object_code            varchar(32)  not null,
    object_name            varchar(500) not null,
    description            text,
    photo_required         boolean      not null,
    public                 boolean      not null,
    deadline_working_days  integer      not null check (deadline_working_days between 1 and 60),
    active                 boolean      not null default true,
    sort_order             integer      not null,
    updated_at             timestamptz  not null
);

-- Tracking numbers SPB-<year>-<n>: one sequence, so concurrent submissions never wait on a counter row.
create sequence appeal_number_seq;

create table appeal (
    id                  uuid          primary key,
    number              varchar(32)   not null unique,
    citizen_id          varchar(255)  not null,
    channel             varchar(16)   not null,
    category_code       varchar(32)   not null references category (code),
    description         text          not null,
    lat                 double precision not null,
    lon                 double precision not null,
    address             varchar(500),
    official            boolean       not null,
    -- personal data: shown only to the author, sent only in AppealRegistered, never logged
    contact_email       varchar(320),
    contact_name        varchar(200),
    status              varchar(32)   not null,
    registered_at       timestamptz   not null,
    updated_at          timestamptz   not null,
    -- filled in by routing
    municipality_code   varchar(32),
    municipality_name   varchar(200),
    organization_code   varchar(64),
    due_at              timestamptz,
    version             integer       not null default 0
);
create index appeal_citizen_idx on appeal (citizen_id, registered_at desc);
create index appeal_status_idx on appeal (status);

-- Audit trail: every status change with who (role and id) and when.
create table appeal_status_change (
    id            bigserial    primary key,
    appeal_id     uuid         not null references appeal (id),
    from_status   varchar(32),
    to_status     varchar(32)  not null,
    changed_at    timestamptz  not null,
    actor_role    varchar(32)  not null,
    actor_id      varchar(255),
    note          text
);
create index appeal_status_change_appeal_idx on appeal_status_change (appeal_id, id);

-- Idempotency-Key per caller: a retried POST returns the appeal the first one created.
create table idempotency_key (
    caller_id     varchar(255) not null,
    key           varchar(255) not null,
    request_hash  varchar(64)  not null,
    appeal_id     uuid         not null,
    created_at    timestamptz  not null,
    primary key (caller_id, key)
);
create index idempotency_key_created_idx on idempotency_key (created_at);
