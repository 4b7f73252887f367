drop table if exists outbox_event; drop table if exists consumed_message;
-- The outbox table every service with a schema owns; copy into a Flyway migration of the service.
create table outbox_event (
    seq        bigserial primary key,
    id         uuid        not null unique,
    topic      text        not null,
    record_key text        not null,
    type       text        not null,
    subject    text        not null,
    tenant_id  text        not null,
    payload    jsonb       not null,
    created_at timestamptz not null
);

-- Consumer de-duplication: one row per CloudEvents id applied (see ConsumedMessages).
create table consumed_message (
    event_id    text        primary key,
    consumer    text        not null,
    consumed_at timestamptz not null default now()
);
