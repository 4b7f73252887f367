-- The ServiceTitan records the pipeline rules read, one row per record and tenant; the newest
-- modifiedOn wins, so arrival order does not matter. Customers are stored as the CRM contacts.

create table business_unit (
    tenant_id   text        not null,
    st_id       bigint      not null,
    name        text        not null,
    active      boolean     not null,
    modified_on timestamptz,
    primary key (tenant_id, st_id)
);

create table contact (
    tenant_id      text        not null,
    st_customer_id bigint      not null,
    id             uuid        not null unique,
    name           text        not null,
    email          text,
    phone          text,
    street         text,
    city           text,
    state          text,
    zip            text,
    active         boolean     not null,
    modified_on    timestamptz,
    updated_at     timestamptz not null,
    primary key (tenant_id, st_customer_id)
);

create index contact_tenant_name on contact (tenant_id, lower(name));

create table job (
    tenant_id        text        not null,
    st_id            bigint      not null,
    customer_id      bigint      not null,
    business_unit_id bigint      not null,
    job_number       text,
    job_status       text        not null,
    created_on       timestamptz,
    modified_on      timestamptz,
    primary key (tenant_id, st_id)
);

create index job_tenant_customer on job (tenant_id, customer_id);
create index job_tenant_business_unit on job (tenant_id, business_unit_id);

create table appointment (
    tenant_id   text        not null,
    st_id       bigint      not null,
    job_id      bigint      not null,
    customer_id bigint      not null,
    status      text        not null,
    modified_on timestamptz,
    primary key (tenant_id, st_id)
);

create index appointment_tenant_customer on appointment (tenant_id, customer_id);

create table estimate (
    tenant_id    text        not null,
    st_id        bigint      not null,
    job_id       bigint,
    customer_id  bigint,
    name         text,
    status_value integer,
    status_name  text,
    subtotal     numeric(14, 2),
    tax          numeric(14, 2),
    active       boolean     not null,
    modified_on  timestamptz,
    primary key (tenant_id, st_id)
);

create index estimate_tenant_customer on estimate (tenant_id, customer_id);
create index estimate_tenant_job on estimate (tenant_id, job_id);
