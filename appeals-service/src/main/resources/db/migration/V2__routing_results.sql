-- What routing decided, shown to the citizen with the appeal.
alter table appeal add column district_name varchar(100);
alter table appeal add column organization_name varchar(300);
alter table appeal add column triage_reason varchar(32);

-- Consumed events, per consumer: the idempotency of every handler.
create table processed_event (
    consumer      varchar(100)  not null,
    event_id      uuid          not null,
    event_type    varchar(100)  not null,
    processed_at  timestamptz   not null,
    primary key (consumer, event_id)
);
