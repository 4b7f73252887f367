-- Progress of applying one st-ingest sync run: roots applied so far, the completion event once it has
-- arrived, and whether CategoriesSynced has been published (exactly once, by whichever came last).
create table sync_apply (
    tenant_id        text        not null,
    sync_run_id      uuid        not null,
    sync_type        text,
    roots_applied    integer     not null default 0,
    created          integer     not null default 0,
    updated          integer     not null default 0,
    deactivated      integer     not null default 0,
    expected_roots   integer,
    root_st_ids      bigint[],
    completed_at     timestamptz,
    synced_published boolean     not null default false,
    updated_at       timestamptz not null,
    primary key (tenant_id, sync_run_id)
);

create index sync_apply_tenant_updated on sync_apply (tenant_id, updated_at desc);

-- Distinct roots applied per run, so a root fetched twice in one run counts once.
create table sync_applied_root (
    tenant_id   text   not null,
    sync_run_id uuid   not null,
    root_st_id  bigint not null,
    primary key (tenant_id, sync_run_id, root_st_id)
);
