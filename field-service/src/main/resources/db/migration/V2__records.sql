-- Every record field-service serves, of every kind, from either source: ServiceTitan's mirror (fed by the
-- st.raw.* topics and by command answers, newest modifiedOn wins) or Lazi's own records (created or edited
-- here, or copied from the mirror when a domain switches to the lazi provider, under the same id).
-- The payload is the record in ServiceTitan's shape (StCustomer, StJob, …); the columns beside it are what
-- lists filter, join and sort on.
create table field_record (
    tenant_id      text        not null,
    kind           text        not null check (kind in ('customer', 'location', 'job', 'job_history', 'appointment',
                                   'assignment', 'estimate', 'technician', 'team', 'zone', 'shift', 'cancel_reason',
                                   'hold_reason', 'lead', 'booking', 'business_unit')),
    source         text        not null check (source in ('servicetitan', 'lazi')),
    id             bigint      not null,
    payload        jsonb       not null,
    active         boolean     not null,
    -- A Lazi-owned record deleted by a user: hidden, and in hybrid mode it hides the mirror's record too.
    deleted        boolean     not null default false,
    modified_on    timestamptz,
    customer_id    bigint,
    location_id    bigint,
    job_id         bigint,
    appointment_id bigint,
    technician_id  bigint,
    -- Lower-case text searched by q= (name, phones, emails, address).
    search         text,
    starts_at      timestamptz,
    ends_at        timestamptz,
    updated_at     timestamptz not null,
    primary key (tenant_id, kind, source, id)
);

create index field_record_customer on field_record (tenant_id, kind, customer_id) where customer_id is not null;
create index field_record_location on field_record (tenant_id, kind, location_id) where location_id is not null;
create index field_record_job on field_record (tenant_id, kind, job_id) where job_id is not null;
create index field_record_technician on field_record (tenant_id, kind, technician_id) where technician_id is not null;
create index field_record_starts on field_record (tenant_id, kind, starts_at) where starts_at is not null;

-- Ids of Lazi-owned records: far above ServiceTitan's, so a copy of the mirror keeps ServiceTitan's ids and
-- a record created here never collides with one.
create sequence lazi_record_id start with 900000000000000;

-- Which provider serves each domain of a tenant; a domain without a row has the configured default.
create table provider_setting (
    tenant_id  text        not null,
    domain     text        not null check (domain in ('customers', 'jobs', 'technicians', 'estimates')),
    provider   text        not null check (provider in ('servicetitan', 'lazi', 'hybrid')),
    changed_by text        not null,
    changed_at timestamptz not null,
    primary key (tenant_id, domain)
);

-- The audit trail of provider switches.
create table provider_change (
    seq           bigserial   primary key,
    tenant_id     text        not null,
    domain        text        not null,
    from_provider text        not null,
    to_provider   text        not null,
    -- Mirror records copied into Lazi-owned ones by a switch to lazi.
    copied        integer     not null,
    changed_by    text        not null,
    changed_at    timestamptz not null
);

create index provider_change_tenant on provider_change (tenant_id, seq);

-- Writes sent to ServiceTitan as st.commands, and how ServiceTitan answered.
create table field_command (
    tenant_id    text        not null,
    command_id   uuid        not null,
    action       text        not null,
    st_id        bigint      not null,
    reference    text,
    requested_by text,
    status       text        not null check (status in ('PENDING', 'SUCCEEDED', 'NOT_FOUND', 'FAILED')),
    st_status    integer,
    error        text,
    -- The id ServiceTitan gave a created record.
    result_id    bigint,
    issued_at    timestamptz not null,
    completed_at timestamptz,
    primary key (tenant_id, command_id)
);

create index field_command_pending on field_command (tenant_id, issued_at) where status = 'PENDING';
