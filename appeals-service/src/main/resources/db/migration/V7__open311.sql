-- Open311 GeoReport v2 (package open311): requests from integrators become appeals of channel OPEN311.

-- A request may give an address alone; routing then sends it to triage (reason NO_LOCATION).
alter table appeal alter column lat drop not null;
alter table appeal alter column lon drop not null;
alter table appeal add constraint appeal_location_whole check ((lat is null) = (lon is null));
-- the integrator (its JWT client's subject) that filed an OPEN311 appeal
alter table appeal add column integrator_id varchar(255);
alter table appeal add column media_url varchar(2000);
create index appeal_integrator_idx on appeal (integrator_id, registered_at desc) where integrator_id is not null;
-- GET requests reads a window of registration times, newest first
create index appeal_registered_at_idx on appeal (registered_at desc);

-- API keys of integrators, issued and revoked by admins. Only a SHA-256 of the key is kept (the key
-- is 256 random bits, so a plain hash cannot be guessed backwards); the key is shown once, at issue.
create table integrator_key (
    id                 uuid          primary key,
    integrator_id      varchar(255)  not null,
    name               varchar(200)  not null,
    municipality_code  varchar(32),
    requests_per_minute integer     check (requests_per_minute between 1 and 100000),
    key_hash           varchar(64)   not null unique,
    key_prefix         varchar(16)   not null,
    created_at         timestamptz   not null,
    created_by         varchar(255)  not null,
    revoked_at         timestamptz,
    revoked_by         varchar(255),
    last_used_at       timestamptz
);
create index integrator_key_integrator_idx on integrator_key (integrator_id);
