-- The tables of messaging-commons, in every service that uses it (Flyway location db/messaging;
-- version 1.0.1 runs right after a service's own V1).

-- Transactional outbox: events written with the state change they report (OutboxEvent, OutboxRelay).
create table outbox_event (
    id              bigserial     primary key,
    event_id        uuid          not null unique,
    topic           varchar(255)  not null,
    message_key     varchar(255)  not null,
    event_type      varchar(100)  not null,
    schema_version  integer       not null,
    payload         text          not null,
    request_id      varchar(128),
    created_at      timestamptz   not null,
    published_at    timestamptz,
    attempts        integer       not null default 0,
    last_error      text
);
create index outbox_event_unpublished_idx on outbox_event (id) where published_at is null;

-- Events a consumer has handled: a redelivered event is recognised and skipped (InboundEvents
-- claims the row in the handler's transaction).
create table processed_event (
    consumer      varchar(100)  not null,
    event_id      uuid          not null,
    event_type    varchar(100)  not null,
    processed_at  timestamptz   not null,
    primary key (consumer, event_id)
);
create index processed_event_processed_at_idx on processed_event (processed_at);
