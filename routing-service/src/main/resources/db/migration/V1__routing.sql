-- Territory: districts and municipal formations (codes: OSM relation ids for municipalities).
create table district (
    code               varchar(32)  primary key,
    name               varchar(100) not null unique,
    full_name          varchar(200) not null,
    organization_code  varchar(64)  not null
);

-- Every body that answers appeals: municipal and district administrations, city bodies.
create table organization (
    code               varchar(64)  primary key,
    name               varchar(300) not null,
    kind               varchar(16)  not null check (kind in ('MUNICIPALITY', 'DISTRICT', 'CITY')),
    district_code      varchar(32)  references district (code),
    municipality_code  varchar(32),
    email              varchar(320),
    phone              varchar(50),
    address            varchar(500),
    created_at         timestamptz  not null
);

create table municipality (
    code               varchar(32)  primary key,
    name               varchar(200) not null,
    type               varchar(20)  not null check (type in ('MUNICIPAL_OKRUG', 'CITY', 'SETTLEMENT')),
    district_code      varchar(32)  not null references district (code),
    -- the body that answers for it by default: its own local administration unless an admin says otherwise
    organization_code  varchar(64)  not null,
    email              varchar(320),
    phone              varchar(50),
    address            varchar(500),
    website            varchar(300)
);
create index municipality_district_idx on municipality (district_code);

-- Boundary sets (GeoJSON FeatureCollections). The active one of each kind is what every copy loads.
create table boundary_set (
    id             bigserial    primary key,
    kind           varchar(20)  not null check (kind in ('MUNICIPALITIES', 'DISTRICTS')),
    geojson        text         not null,
    feature_count  integer      not null,
    source         varchar(300) not null,
    uploaded_at    timestamptz  not null,
    uploaded_by    varchar(255),
    active         boolean      not null
);
create unique index boundary_set_one_active_idx on boundary_set (kind) where active;

-- Responsibility rules: (problem type | category | object | any) x (municipality | district | city) -> organization.
create table routing_rule (
    id                 bigserial    primary key,
    subject_level      varchar(16)  not null check (subject_level in ('PROBLEM_TYPE', 'CATEGORY', 'OBJECT', 'ANY')),
    subject_code       varchar(32),
    territory_level    varchar(16)  not null check (territory_level in ('MUNICIPALITY', 'DISTRICT', 'CITY')),
    territory_code     varchar(32),
    organization_code  varchar(64)  not null references organization (code),
    note               varchar(500),
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            integer      not null default 0
);
create unique index routing_rule_scope_idx
    on routing_rule (subject_level, coalesce(subject_code, ''), territory_level, coalesce(territory_code, ''));

-- What intake told us about each appeal, kept so re-routing and triage need no call back.
create table routing_request (
    appeal_id              uuid          primary key,
    appeal_number          varchar(32)   not null,
    citizen_id             varchar(255)  not null,
    category_code          varchar(32)   not null,
    category_name          varchar(500)  not null,
    group_code             varchar(32)   not null,
    object_code            varchar(32)   not null,
    description            text          not null,
    lat                    double precision,
    lon                    double precision,
    address                varchar(500),
    official               boolean       not null,
    deadline_working_days  integer       not null,
    registered_at          timestamptz   not null,
    status                 varchar(16)   not null check (status in ('ROUTED', 'TRIAGE', 'CLOSED')),
    triage_reason          varchar(32),
    triage_detail          varchar(500),
    triage_hints           text,
    triaged_at             timestamptz,
    updated_at             timestamptz   not null,
    version                integer       not null default 0
);
create index routing_request_triage_idx on routing_request (triaged_at) where status = 'TRIAGE';

-- Organizations that declined an appeal: excluded when it is routed again.
create table routing_decline (
    appeal_id          uuid          not null references routing_request (appeal_id),
    organization_code  varchar(64)   not null,
    municipality_code  varchar(32),
    reason             varchar(1000),
    declined_at        timestamptz   not null,
    primary key (appeal_id, organization_code)
);

-- Every decision, so each appeal's routing can be explained (which rule, which method, when).
create table routing_decision (
    id                 bigserial     primary key,
    appeal_id          uuid          not null references routing_request (appeal_id),
    attempt            integer       not null,
    municipality_code  varchar(32)   not null,
    municipality_name  varchar(200)  not null,
    district_name      varchar(100)  not null,
    organization_code  varchar(64)   not null,
    organization_name  varchar(300)  not null,
    rule_id            bigint,
    method             varchar(8)    not null check (method in ('GEO', 'MANUAL')),
    due_at             timestamptz   not null,
    due_estimated      boolean       not null,
    decided_at         timestamptz   not null,
    decided_by         varchar(255)
);
create index routing_decision_appeal_idx on routing_decision (appeal_id, id);

-- Production-calendar years loaded by admins beyond the bundled ones (or correcting them).
create table calendar_year (
    year               integer       primary key,
    weekdays_off       text          not null,
    weekend_workdays   text          not null,
    loaded_at          timestamptz   not null,
    loaded_by          varchar(255)
);
