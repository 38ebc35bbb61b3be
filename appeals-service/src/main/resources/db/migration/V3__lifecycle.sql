-- The appeal lifecycle: officers' queue and answers, citizens' feedback, moderators' rejections,
-- deadline extension and overdue marking.
alter table appeal add column answered_at timestamptz;
alter table appeal add column deadline_extended_at timestamptz;
alter table appeal add column deadline_extension_reason text;
-- set once per due date by the overdue job; cleared whenever the due date changes
alter table appeal add column overdue_marked_at timestamptz;
alter table appeal add column rejection_reason varchar(32);
alter table appeal add column rejection_note text;
alter table appeal add column duplicate_of uuid references appeal (id);

-- the officer queue: one organization's appeals by status, soonest due first
create index appeal_queue_idx on appeal (organization_code, status, due_at);
-- the overdue job looks only at appeals not marked yet
create index appeal_overdue_idx on appeal (due_at) where overdue_marked_at is null;
-- the auto-close job looks only at answered appeals
create index appeal_answered_idx on appeal (answered_at) where status = 'ANSWERED';

-- which step of the state machine made the change (null for registration)
alter table appeal_status_change add column action varchar(32);

-- Every answer an organization gave (a reopened appeal gets another one).
create table appeal_answer (
    id                 bigserial    primary key,
    appeal_id          uuid         not null references appeal (id),
    organization_code  varchar(64)  not null,
    organization_name  varchar(300),
    officer_id         varchar(255) not null,
    text               text         not null,
    photo_ids          uuid[]       not null default '{}',
    answered_at        timestamptz  not null
);
create index appeal_answer_appeal_idx on appeal_answer (appeal_id, id);

-- Every rating a citizen gave an answer.
create table appeal_feedback (
    id         bigserial    primary key,
    appeal_id  uuid         not null references appeal (id),
    rating     smallint     not null check (rating between 1 and 5),
    satisfied  boolean      not null,
    comment    text,
    given_at   timestamptz  not null
);
create index appeal_feedback_appeal_idx on appeal_feedback (appeal_id, id);

-- Frequent answers of one organization, so answering is one click.
create table answer_template (
    id                 bigserial    primary key,
    organization_code  varchar(64)  not null,
    title              varchar(200) not null,
    text               text         not null,
    updated_at         timestamptz  not null,
    updated_by         varchar(255) not null,
    unique (organization_code, title)
);
