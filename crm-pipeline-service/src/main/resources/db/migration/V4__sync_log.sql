-- What each CRM sync run applied so far (per event, keyed by st-ingest's run id).
create table sync_tally (
    tenant_id   text    not null,
    sync_run_id uuid    not null,
    records     integer not null default 0,
    created     integer not null default 0,
    moved       integer not null default 0,
    primary key (tenant_id, sync_run_id)
);

-- One row per CRM sync run: requested here or announced by st-ingest, finished by its completion.
create table sync_log (
    tenant_id    text        not null,
    sync_run_id  uuid        not null,
    sync_type    text        not null,
    direction    text        not null check (direction in ('inbound', 'outbound')),
    status       text        not null check (status in ('requested', 'running', 'completed', 'failed')),
    records      integer     not null default 0,
    created      integer     not null default 0,
    updated      integer     not null default 0,
    failed       integer     not null default 0,
    duration_ms  bigint,
    error        text,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    primary key (tenant_id, sync_run_id)
);

create index sync_log_tenant_recent on sync_log (tenant_id, started_at desc);
