-- Outbound ServiceTitan commands (st.commands), one row per command id: STARTED before the ServiceTitan
-- call, COMPLETED with the published StCommandCompleted once the outcome is known. A redelivered
-- COMPLETED command re-publishes result; a redelivered STARTED one (crash mid-call) is executed again.
create table st_command (
    command_id   uuid        primary key,
    tenant_id    text        not null,
    push_id      uuid,
    action       text        not null check (action in ('UPDATE_CATEGORY', 'CREATE_CATEGORY', 'DELETE_CATEGORY', 'PULL_CATEGORY')),
    st_id        bigint      not null,
    status       text        not null check (status in ('STARTED', 'COMPLETED')),
    attempts     integer     not null default 1,
    outcome      text        check (outcome in ('SUCCEEDED', 'NOT_FOUND', 'FAILED')),
    result       jsonb,
    started_at   timestamptz not null,
    completed_at timestamptz,
    check ((status = 'COMPLETED') = (outcome is not null and result is not null and completed_at is not null))
);

create index st_command_push on st_command (tenant_id, push_id) where push_id is not null;
