-- Which image each pricebook node shows, learned from pricebook.changed (depth 0 = category).
create table node_image (
    tenant_id  text        not null,
    st_id      bigint      not null,
    depth      int         not null check (depth >= 0),
    image_path text,
    updated_at timestamptz not null,
    primary key (tenant_id, st_id)
);
create index node_image_path on node_image (tenant_id, image_path);

-- Image bytes fetched from ServiceTitan, by the tenant's storage path (Images/...).
create table stored_image (
    tenant_id    text        not null,
    image_path   text        not null,
    content_type text        not null,
    etag         text        not null,
    size_bytes   int         not null check (size_bytes > 0),
    bytes        bytea       not null,
    fetched_at   timestamptz not null,
    primary key (tenant_id, image_path)
);

-- Images uploaded by users (overrides); pushed to ServiceTitan later, which returns st_path.
create table uploaded_image (
    id           uuid        primary key,
    tenant_id    text        not null,
    file_name    text,
    content_type text        not null,
    etag         text        not null,
    size_bytes   int         not null check (size_bytes > 0),
    bytes        bytea       not null,
    st_path      text,
    created_at   timestamptz not null
);
create index uploaded_image_tenant on uploaded_image (tenant_id, created_at);
