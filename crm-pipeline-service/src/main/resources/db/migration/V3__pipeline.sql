-- Pipelines and their stages, seeded per tenant the first time the tenant gets an opportunity.
create table pipeline (
    tenant_id text    not null,
    key       text    not null,
    name      text    not null,
    position  integer not null,
    primary key (tenant_id, key)
);

create table stage (
    tenant_id    text    not null,
    pipeline     text    not null,
    key          text    not null,
    name         text    not null,
    position     integer not null,
    manual       boolean not null,
    protected    boolean not null,
    primary key (tenant_id, key),
    unique (tenant_id, pipeline, key),
    foreign key (tenant_id, pipeline) references pipeline (tenant_id, key)
);

-- One opportunity per ServiceTitan customer, derived from the facts by the pipeline rules.
create table opportunity (
    tenant_id        text           not null,
    id               uuid           not null,
    st_customer_id   bigint         not null,
    pipeline         text           not null,
    stage            text           not null,
    status           text           not null check (status in ('open', 'won', 'lost')),
    title            text           not null,
    monetary_value   numeric(14, 2),
    st_job_id        bigint,
    st_estimate_id   bigint,
    stage_entered_at timestamptz    not null,
    created_at       timestamptz    not null,
    updated_at       timestamptz    not null,
    primary key (tenant_id, id),
    unique (tenant_id, st_customer_id),
    foreign key (tenant_id, pipeline, stage) references stage (tenant_id, pipeline, key)
);

create index opportunity_tenant_stage on opportunity (tenant_id, pipeline, stage);

-- Every stage move with its reason and the ServiceTitan record (or user) that triggered it.
create table stage_history (
    seq            bigserial   primary key,
    tenant_id      text        not null,
    opportunity_id uuid        not null,
    from_pipeline  text,
    from_stage     text,
    to_pipeline    text        not null,
    to_stage       text        not null,
    reason         text        not null,
    trigger_type   text        not null,
    trigger_id     text        not null,
    moved_at       timestamptz not null,
    foreign key (tenant_id, opportunity_id) references opportunity (tenant_id, id)
);

create index stage_history_opportunity on stage_history (tenant_id, opportunity_id, seq);
create index stage_history_tenant_recent on stage_history (tenant_id, seq desc);
