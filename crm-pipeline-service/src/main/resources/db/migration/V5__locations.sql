-- ServiceTitan locations (where work is done for a customer), one row per record and tenant; the
-- newest modifiedOn wins, like the other facts. Read only for the contact view: no pipeline rule uses them.
create table location (
    tenant_id   text        not null,
    st_id       bigint      not null,
    customer_id bigint      not null,
    name        text,
    street      text,
    unit        text,
    city        text,
    state       text,
    zip         text,
    country     text,
    active      boolean     not null,
    created_on  timestamptz,
    modified_on timestamptz,
    primary key (tenant_id, st_id)
);

create index location_tenant_customer on location (tenant_id, customer_id);
