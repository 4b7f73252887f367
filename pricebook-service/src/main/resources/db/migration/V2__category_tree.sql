-- Flyway's default schema is first on the search path, so the extension (type and operators) lands in this schema.
create extension if not exists ltree;

-- One row per ServiceTitan category or subcategory of a tenant, with its place in the tree.
create table category (
    tenant_id         text        not null,
    st_id             bigint      not null,
    parent_st_id      bigint,
    root_st_id        bigint      not null,
    depth             integer     not null check (depth >= 0),
    path              ltree       not null,
    name              text        not null,
    description       text,
    image_path        text,
    position          integer     not null,
    active            boolean     not null,
    business_unit_ids bigint[]    not null default '{}',
    category_type     text        not null,
    created_on        timestamptz,
    modified_on       timestamptz,
    last_synced_at    timestamptz not null,
    last_sync_run_id  uuid,
    primary key (tenant_id, st_id)
);

create index category_path_gist on category using gist (path);
create index category_tenant_root on category (tenant_id, root_st_id);
create index category_tenant_parent on category (tenant_id, parent_st_id, position);
