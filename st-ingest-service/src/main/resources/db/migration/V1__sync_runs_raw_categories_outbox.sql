-- Sync runs: one row per pull of one resource for one tenant.
create table sync_run (
    id                uuid        primary key,
    tenant_id         text        not null,
    resource          text        not null,
    sync_type         text        not null check (sync_type in ('FULL', 'INCREMENTAL')),
    status            text        not null check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
    trigger           text        not null check (trigger in ('MANUAL', 'SCHEDULED')),
    started_at        timestamptz not null,
    finished_at       timestamptz,
    duration_ms       bigint,
    root_count        integer     not null default 0,
    subcategory_count integer     not null default 0,
    images_fetched    integer     not null default 0,
    st_calls          integer     not null default 0,
    rate_limited      integer     not null default 0,
    error             text
);

-- At most one running sync per tenant and resource: a concurrent start fails on this index.
create unique index sync_run_one_running on sync_run (tenant_id, resource) where status = 'RUNNING';
create index sync_run_history on sync_run (tenant_id, resource, started_at desc);

-- Incremental cursor: the newest ServiceTitan modifiedOn received so far (microsecond precision, rounded down).
create table sync_cursor (
    tenant_id          text        not null,
    resource           text        not null,
    newest_modified_on timestamptz not null,
    updated_at         timestamptz not null,
    sync_run_id        uuid        not null,
    primary key (tenant_id, resource)
);

-- Latest raw payload of each root category: the complete subtree as published, images filled.
create table raw_category (
    tenant_id   text        not null,
    st_id       bigint      not null,
    sync_run_id uuid        not null,
    sync_type   text        not null,
    fetched_at  timestamptz not null,
    payload     jsonb       not null,
    primary key (tenant_id, st_id)
);

-- Last seen state of every category node, to fetch a subcategory image by id only when it is new or changed.
create table category_snapshot (
    tenant_id   text        not null,
    st_id       bigint      not null,
    root_st_id  bigint      not null,
    modified_on timestamptz,
    image       text,
    sync_run_id uuid        not null,
    primary key (tenant_id, st_id)
);

-- The transactional outbox and consumer de-duplication (platform-kafka's outbox_event.sql).
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
