-- A citizen as a recipient. The contact (personal data: never logged) is stored here once:
-- taken from AppealRegistered until the citizen sets preferences, then only from those.
create table recipient (
    citizen_id          varchar(255) primary key,
    email               varchar(320),
    name                varchar(200),
    email_enabled       boolean      not null default true,
    preferences_set_at  timestamptz,
    updated_at          timestamptz  not null
);

-- What notifications say about an appeal, learned from its events (number, municipality, due date).
create table tracked_appeal (
    appeal_id          uuid         primary key,
    number             varchar(32),
    citizen_id         varchar(255) not null,
    category_name      varchar(500),
    address            varchar(500),
    municipality_code  varchar(32),
    municipality_name  varchar(200),
    organization_name  varchar(300),
    due_at             timestamptz,
    updated_at         timestamptz  not null
);

-- The in-app inbox: one notification per event (the unique event id makes redeliveries harmless).
create table notification (
    id                 uuid         primary key,
    seq                bigint       generated always as identity unique,
    citizen_id         varchar(255) not null,
    event_id           uuid         not null unique,
    event_type         varchar(100) not null,
    appeal_id          uuid         not null,
    appeal_number      varchar(32),
    status_label       varchar(200) not null,
    title              varchar(300) not null,
    message            text         not null,
    municipality_name  varchar(200),
    due_at             timestamptz,
    occurred_at        timestamptz  not null,
    created_at         timestamptz  not null,
    read_at            timestamptz
);
create index notification_citizen_idx on notification (citizen_id, created_at desc, seq desc);
create index notification_unread_idx on notification (citizen_id) where read_at is null;

-- Short-lived, single-use tickets for the live stream (browsers' EventSource cannot send a token).
-- Only the SHA-256 of a ticket is stored.
create table stream_ticket (
    ticket_hash  varchar(64)  primary key,
    citizen_id   varchar(255) not null,
    expires_at   timestamptz  not null,
    created_at   timestamptz  not null
);
create index stream_ticket_expires_idx on stream_ticket (expires_at);

-- Integrators' webhook subscriptions. The signing secret is stored AES-GCM encrypted
-- (key from configuration); it is shown to the integrator once, at creation.
create table webhook_subscription (
    id                  uuid          primary key,
    owner_id            varchar(255)  not null,
    url                 varchar(2000) not null,
    event_types         varchar(2000) not null,
    municipality_codes  varchar(2000),
    description         varchar(500),
    secret_ciphertext   varchar(500)  not null,
    active              boolean       not null default true,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null
);
create index webhook_subscription_owner_idx on webhook_subscription (owner_id, created_at desc);

-- One outbound delivery (e-mail to the citizen, or a webhook to one subscription) of one event,
-- retried with backoff until delivered or out of attempts. The state lives here, so retries
-- survive restarts; a copy claims due rows for a lease, so no two copies send the same row.
create table delivery (
    id                uuid          primary key,
    channel           varchar(16)   not null,
    event_id          uuid          not null,
    event_type        varchar(100)  not null,
    appeal_id         uuid          not null,
    citizen_id        varchar(255)  not null,
    notification_id   uuid          not null references notification (id),
    subscription_id   uuid          references webhook_subscription (id),
    target            varchar(64)   not null,
    payload           text,
    status            varchar(16)   not null,
    attempts          integer       not null default 0,
    attempts_allowed  integer       not null,
    next_attempt_at   timestamptz,
    last_error        varchar(1000),
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    delivered_at      timestamptz,
    constraint delivery_once_per_event_channel_target unique (event_id, channel, target)
);
create index delivery_due_idx on delivery (next_attempt_at) where status = 'PENDING';
create index delivery_subscription_idx on delivery (subscription_id, created_at desc);

-- The delivery log: one row per attempt on every channel.
create table delivery_attempt (
    id               bigserial     primary key,
    delivery_id      uuid          references delivery (id),
    notification_id  uuid          not null references notification (id),
    channel          varchar(16)   not null,
    attempt          integer       not null,
    outcome          varchar(16)   not null,
    http_status      integer,
    error            varchar(1000),
    duration_ms      bigint        not null,
    attempted_at     timestamptz   not null
);
create index delivery_attempt_delivery_idx on delivery_attempt (delivery_id, attempt);
create index delivery_attempt_notification_idx on delivery_attempt (notification_id);
