-- Citizens who support another citizen's appeal (AppealSupported): they are told of its progress
-- too. No event announces a withdrawn support yet, so a supporter stays on the list.
create table appeal_supporter (
    appeal_id     uuid          not null,
    citizen_id    varchar(255)  not null,
    supported_at  timestamptz   not null,
    primary key (appeal_id, citizen_id)
);

-- The author's notification of an event and each supporter's share the event id: one per event and citizen.
alter table notification drop constraint notification_event_id_key;
alter table notification add constraint notification_once_per_event_citizen unique (event_id, citizen_id);
-- About an appeal the recipient supports (someone else's), not one of their own.
alter table notification add column supported_appeal boolean not null default false;
