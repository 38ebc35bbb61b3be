-- What routing decided, shown to the citizen with the appeal.
alter table appeal add column district_name varchar(100);
alter table appeal add column organization_name varchar(300);
alter table appeal add column triage_reason varchar(32);
