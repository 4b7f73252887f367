-- Trigram indexes serve the case-insensitive substring search; like ltree, the extension lands in this schema.
create extension if not exists pg_trgm;

-- One row per ServiceTitan service, material or equipment SKU of a tenant, as last fetched. Columns that
-- only one kind has stay null for the others.
create table sku (
    tenant_id        text        not null,
    kind             text        not null check (kind in ('service', 'material', 'equipment')),
    st_id            bigint      not null,
    code             text        not null,
    display_name     text,
    description      text,
    price            numeric,
    member_price     numeric,
    add_on_price     numeric,
    cost             numeric,
    active           boolean     not null,
    category_st_ids  bigint[]    not null default '{}',
    business_unit_id bigint,
    hours            numeric,
    taxable          boolean,
    unit_of_measure  text,
    is_inventory     boolean,
    manufacturer     text,
    model            text,
    created_on       timestamptz,
    modified_on      timestamptz,
    last_synced_at   timestamptz not null,
    primary key (tenant_id, kind, st_id)
);

create index sku_tenant_kind_code on sku (tenant_id, kind, code, st_id);
create index sku_category_st_ids on sku using gin (category_st_ids);
create index sku_code_trgm on sku using gin (code gin_trgm_ops);
create index sku_display_name_trgm on sku using gin (display_name gin_trgm_ops);
create index sku_description_trgm on sku using gin (description gin_trgm_ops);
