-- Area alerts: where an appeal is (AppealRegistered.location), to match it against subscriptions' circles.
alter table tracked_appeal add column lat double precision;
alter table tracked_appeal add column lon double precision;

-- Anyone's subscription to alerts about new and/or answered appeals in a circle or a municipality,
-- by e-mail with double opt-in. The address is personal data: never logged, erased on unsubscribing
-- and once a subscription that was never confirmed cannot be confirmed any more.
create table area_alert (
    id                 uuid          primary key,
    email              varchar(254),
    -- SHA-256 (hex) of the lower-cased address: counts unconfirmed subscriptions per address (abuse cap)
    email_hash         varchar(64),
    lat                double precision,
    lon                double precision,
    radius_meters      integer,
    municipality_code  varchar(32),
    notify_new         boolean       not null,
    notify_answered    boolean       not null,
    created_at         timestamptz   not null,
    confirmed_at       timestamptz,
    unsubscribed_at    timestamptz,
    email_erased_at    timestamptz,
    constraint area_alert_circle_or_municipality check (
        (municipality_code is null and lat is not null and lon is not null and radius_meters is not null)
        or (municipality_code is not null and lat is null and lon is null and radius_meters is null)),
    constraint area_alert_some_event check (notify_new or notify_answered)
);
create index area_alert_cap_idx on area_alert (email_hash, created_at) where confirmed_at is null;
create index area_alert_active_idx on area_alert (municipality_code) where confirmed_at is not null and unsubscribed_at is null;

-- Tokens of the links in the e-mails. Only their SHA-256 (hex) is stored: each e-mail gets a fresh
-- random token when it is sent (a confirmation link valid for a while, an unsubscribe link forever).
create table area_alert_token (
    token_hash  varchar(64)  primary key,
    alert_id    uuid         not null references area_alert (id),
    purpose     varchar(16)  not null,
    expires_at  timestamptz,
    created_at  timestamptz  not null
);
create index area_alert_token_alert_idx on area_alert_token (alert_id);

-- Which subscription was alerted of which appeal and step: a re-routed appeal is not announced twice.
create table area_alert_match (
    alert_id    uuid         not null references area_alert (id),
    appeal_id   uuid         not null,
    event       varchar(16)  not null,
    matched_at  timestamptz  not null,
    primary key (alert_id, appeal_id, event)
);

-- Area-alert e-mails go through the delivery table with its retries; they belong to no notification
-- (and a confirmation to no event or appeal).
alter table delivery alter column event_id drop not null;
alter table delivery alter column appeal_id drop not null;
alter table delivery alter column notification_id drop not null;
alter table delivery add column area_alert_id uuid references area_alert (id);
alter table delivery_attempt alter column notification_id drop not null;
