-- The CRM records beside the pipeline (issue 18): accounts and their contacts, leads, manual opportunities with
-- pricebook line items, tasks, activities, install projects with milestones, service cases. Every table is
-- tenant-scoped; `version` is the optimistic lock behind each record's ETag; `deleted_at` marks a soft delete where
-- other records point at the row.

-- The pipeline's per-customer facts are ServiceTitan customers; "contact" is now the CRM's person at an account.
alter table contact rename to customer;
alter index contact_tenant_name rename to customer_tenant_name;

create table account (
    tenant_id      text        not null,
    id             uuid        not null,
    name           text        not null,
    type           text        not null check (type in ('residential', 'commercial')),
    industry       text,
    region         text,
    owner_id       text,
    parent_id      uuid,
    st_customer_id bigint,
    email          text,
    phone          text,
    street         text,
    city           text,
    state          text,
    zip            text,
    source         text        not null check (source in ('servicetitan', 'lazi')),
    version        integer     not null default 1,
    created_by     text        not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    deleted_at     timestamptz,
    search         tsvector generated always as (to_tsvector('simple',
        coalesce(name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(regexp_replace(phone, '\D', '', 'g'), '')
        || ' ' || coalesce(city, '') || ' ' || coalesce(industry, ''))) stored,
    primary key (tenant_id, id),
    unique (tenant_id, st_customer_id),
    foreign key (tenant_id, parent_id) references account (tenant_id, id)
);

create index account_tenant_created on account (tenant_id, created_at desc) where deleted_at is null;
create index account_tenant_parent on account (tenant_id, parent_id) where parent_id is not null;
create index account_search on account using gin (search);

create table contact (
    tenant_id      text        not null,
    id             uuid        not null,
    account_id     uuid        not null,
    first_name     text,
    last_name      text,
    name           text        not null,
    email          text,
    phone          text,
    role           text,
    is_primary     boolean     not null default false,
    st_customer_id bigint,
    source         text        not null check (source in ('servicetitan', 'lazi')),
    version        integer     not null default 1,
    created_by     text        not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    deleted_at     timestamptz,
    search         tsvector generated always as (to_tsvector('simple',
        coalesce(name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(regexp_replace(phone, '\D', '', 'g'), '')
        || ' ' || coalesce(role, ''))) stored,
    primary key (tenant_id, id),
    foreign key (tenant_id, account_id) references account (tenant_id, id)
);

-- One primary contact per ServiceTitan customer, kept equal to the customer's name, email and phone.
create unique index contact_tenant_st_customer on contact (tenant_id, st_customer_id) where st_customer_id is not null;
create index contact_tenant_account on contact (tenant_id, account_id);
create index contact_tenant_name on contact (tenant_id, lower(name));
create index contact_search on contact using gin (search);

create table lead (
    tenant_id                text           not null,
    id                       uuid           not null,
    name                     text           not null,
    company                  text,
    email                    text,
    phone                    text,
    street                   text,
    city                     text,
    state                    text,
    zip                      text,
    source                   text           not null check (source in ('website', 'referral', 'phone', 'social', 'email', 'event', 'other')),
    status                   text           not null check (status in ('new', 'contacted', 'qualified', 'unqualified', 'converted')),
    estimated_value          numeric(14, 2) check (estimated_value >= 0),
    owner_id                 text,
    score                    integer        check (score between 0 and 100),
    st_lead_id               bigint,
    st_status                text,
    st_modified_on           timestamptz,
    converted_account_id     uuid,
    converted_contact_id     uuid,
    converted_opportunity_id uuid,
    converted_at             timestamptz,
    converted_by             text,
    version                  integer        not null default 1,
    created_by               text           not null,
    created_at               timestamptz    not null,
    updated_at               timestamptz    not null,
    deleted_at               timestamptz,
    search                   tsvector generated always as (to_tsvector('simple',
        coalesce(name, '') || ' ' || coalesce(company, '') || ' ' || coalesce(email, '') || ' '
        || coalesce(regexp_replace(phone, '\D', '', 'g'), '') || ' ' || coalesce(city, ''))) stored,
    primary key (tenant_id, id),
    unique (tenant_id, st_lead_id),
    check ((status = 'converted') = (converted_at is not null))
);

create index lead_tenant_created on lead (tenant_id, created_at desc) where deleted_at is null;
create index lead_tenant_status on lead (tenant_id, status) where deleted_at is null;
create index lead_search on lead using gin (search);

-- Opportunities the pipeline derives keep st_customer_id; the ones users open by hand or by converting a lead have
-- none, and the rules never touch them.
alter table opportunity
    alter column st_customer_id drop not null,
    add column source            text    not null default 'servicetitan' check (source in ('servicetitan', 'lazi')),
    add column account_id        uuid,
    add column primary_contact_id uuid,
    add column lead_id           uuid,
    add column amount_manual     boolean not null default false,
    add column probability       integer check (probability between 0 and 100),
    add column expected_close_date date,
    add column owner_id          text,
    add column next_step         text,
    add column version           integer not null default 1,
    add column created_by        text    not null default 'pipeline',
    add column deleted_at        timestamptz,
    add column search            tsvector generated always as (to_tsvector('simple', coalesce(title, '') || ' '
        || coalesce(next_step, ''))) stored,
    add constraint opportunity_derived_or_manual check ((source = 'servicetitan') = (st_customer_id is not null));

create index opportunity_tenant_account on opportunity (tenant_id, account_id) where account_id is not null;
create index opportunity_search on opportunity using gin (search);

-- The pricebook's services, materials and equipment as the CRM needs them for line items: a snapshot kept from
-- st.raw.services, st.raw.materials and st.raw.equipment (pricebook-service stays their owner). Newest modifiedOn wins.
create table product (
    tenant_id   text           not null,
    type        text           not null check (type in ('service', 'material', 'equipment')),
    st_id       bigint         not null,
    code        text,
    name        text           not null,
    description text,
    price       numeric(14, 2) not null,
    active      boolean        not null,
    modified_on timestamptz,
    updated_at  timestamptz    not null,
    search      tsvector generated always as (to_tsvector('simple', coalesce(code, '') || ' ' || coalesce(name, ''))) stored,
    primary key (tenant_id, type, st_id)
);

create index product_search on product using gin (search);

create table line_item (
    tenant_id      text           not null,
    id             uuid           not null,
    opportunity_id uuid           not null,
    product_type   text           not null,
    product_id     bigint         not null,
    code           text,
    name           text           not null,
    quantity       numeric(12, 3) not null check (quantity > 0),
    unit_price     numeric(14, 2) not null check (unit_price >= 0),
    discount       numeric(14, 2) not null default 0 check (discount >= 0),
    total          numeric(14, 2) not null,
    position       integer        not null,
    created_by     text           not null,
    created_at     timestamptz    not null,
    updated_at     timestamptz    not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, opportunity_id) references opportunity (tenant_id, id)
);

create index line_item_opportunity on line_item (tenant_id, opportunity_id, position);

create table task (
    tenant_id    text        not null,
    id           uuid        not null,
    title        text        not null,
    description  text,
    type         text        not null check (type in ('call', 'email', 'meeting', 'follow_up', 'to_do')),
    priority     text        not null check (priority in ('low', 'medium', 'high', 'urgent')),
    due_at       timestamptz,
    time_zone    text        not null default 'UTC',
    assignee_id  text,
    related_type text        check (related_type in ('lead', 'account', 'contact', 'opportunity', 'project', 'case')),
    related_id   uuid,
    status       text        not null check (status in ('open', 'completed')),
    completed_at timestamptz,
    completed_by text,
    version      integer     not null default 1,
    created_by   text        not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    primary key (tenant_id, id),
    check ((related_type is null) = (related_id is null)),
    check ((status = 'completed') = (completed_at is not null))
);

create index task_tenant_assignee_due on task (tenant_id, assignee_id, due_at) where status = 'open';
create index task_tenant_due on task (tenant_id, due_at) where status = 'open';
create index task_related on task (tenant_id, related_type, related_id);

create table activity (
    tenant_id           text        not null,
    id                  uuid        not null,
    type                text        not null check (type in ('call', 'email', 'meeting', 'note')),
    subject             text,
    body                text,
    duration_minutes    integer     check (duration_minutes >= 0),
    outcome             text,
    occurred_at         timestamptz not null,
    related_type        text        not null check (related_type in ('lead', 'account', 'contact', 'opportunity', 'project', 'case')),
    related_id          uuid        not null,
    external_message_id text,
    author_id           text        not null,
    version             integer     not null default 1,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, external_message_id)
);

create index activity_related on activity (tenant_id, related_type, related_id, occurred_at desc);

-- Milestones a new install project starts with, per business unit (0: the tenant's default).
create table milestone_template (
    tenant_id        text    not null,
    business_unit_id bigint  not null default 0,
    key              text    not null,
    name             text    not null,
    position         integer not null,
    offset_days      integer not null check (offset_days >= 0),
    primary key (tenant_id, business_unit_id, key)
);

create table project (
    tenant_id        text        not null,
    id               uuid        not null,
    opportunity_id   uuid        not null,
    account_id       uuid,
    st_customer_id   bigint,
    business_unit_id bigint,
    name             text        not null,
    status           text        not null check (status in ('active', 'on_hold', 'completed', 'cancelled')),
    start_date       date        not null,
    version          integer     not null default 1,
    created_by       text        not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    deleted_at       timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, opportunity_id),
    foreign key (tenant_id, opportunity_id) references opportunity (tenant_id, id)
);

create table milestone (
    tenant_id    text        not null,
    id           uuid        not null,
    project_id   uuid        not null,
    key          text        not null,
    name         text        not null,
    position     integer     not null,
    status       text        not null check (status in ('pending', 'in_progress', 'done', 'skipped')),
    due_date     date,
    completed_at timestamptz,
    updated_at   timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, project_id, key),
    foreign key (tenant_id, project_id) references project (tenant_id, id)
);

-- The next case number per tenant: 1, 2, 3…, taken under the row's lock so two cases never share one.
create table case_number (
    tenant_id text   not null primary key,
    next      bigint not null
);

create table service_case (
    tenant_id   text        not null,
    id          uuid        not null,
    case_number bigint      not null,
    type        text        not null check (type in ('warranty', 'complaint', 'question')),
    subject     text        not null,
    description text,
    account_id  uuid        not null,
    contact_id  uuid,
    priority    text        not null check (priority in ('low', 'medium', 'high', 'urgent')),
    status      text        not null check (status in ('new', 'open', 'pending', 'resolved', 'closed')),
    sla_due_at  timestamptz not null,
    resolved_at timestamptz,
    owner_id    text,
    version     integer     not null default 1,
    created_by  text        not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    deleted_at  timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, case_number),
    foreign key (tenant_id, account_id) references account (tenant_id, id)
);

create index service_case_tenant_status on service_case (tenant_id, status, sla_due_at) where deleted_at is null;

-- Every ServiceTitan customer already known becomes an account with its primary contact (ids of the contact are the
-- ones the old per-customer contact list answered with, so links keep working).
insert into account (tenant_id, id, name, type, st_customer_id, email, phone, street, city, state, zip, source,
                     created_by, created_at, updated_at)
select tenant_id, gen_random_uuid(), name, 'residential', st_customer_id, email, phone, street, city, state, zip,
       'servicetitan', 'servicetitan', updated_at, updated_at
from customer;

insert into contact (tenant_id, id, account_id, name, email, phone, is_primary, st_customer_id, source, created_by,
                     created_at, updated_at)
select c.tenant_id, c.id, a.id, c.name, c.email, c.phone, true, c.st_customer_id, 'servicetitan', 'servicetitan',
       c.updated_at, c.updated_at
from customer c
join account a on a.tenant_id = c.tenant_id and a.st_customer_id = c.st_customer_id;

update opportunity o
set account_id = a.id
from account a
where a.tenant_id = o.tenant_id and a.st_customer_id = o.st_customer_id;
