-- Transactional outbox and consumer de-duplication (platform-kafka's Outbox, OutboxRelay, ConsumedMessages).
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

create table consumed_message (
    event_id    text        primary key,
    consumer    text        not null,
    consumed_at timestamptz not null default now()
);
