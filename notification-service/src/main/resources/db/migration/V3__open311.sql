-- Open311: how an appeal arrived (AppealRegistered.channel) and, for OPEN311, the integrator that
-- filed it (AppealRegistered.integratorId, the subject that also owns its webhook subscriptions).
-- Both stay null for an appeal whose AppealRegistered this service has not seen.
alter table tracked_appeal add column channel varchar(16);
alter table tracked_appeal add column integrator_id varchar(255);

-- A subscription that wants only the events of appeals its owner filed through Open311.
alter table webhook_subscription add column own_requests_only boolean not null default false;
