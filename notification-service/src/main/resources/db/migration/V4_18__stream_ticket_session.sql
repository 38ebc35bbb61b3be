-- When the token a stream ticket was taken with expires: the ticket's stream lives no longer than
-- that token (ADR 0018), though the ticket itself must be used within a minute. Null for tickets
-- issued before this column existed.
alter table stream_ticket add column session_expires_at timestamptz;
