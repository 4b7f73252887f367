-- The won/lost write-back a user asked for on an opportunity (PUT /api/crm/opportunities/{id}/outcome, announced on
-- crm.opportunities) and where field-service reports it stands (io.lazi.field.estimate.written-back.v1). One per
-- opportunity, the latest request; null columns when none. The stage is not part of it: the pipeline rules move the
-- opportunity when ServiceTitan's estimate comes back Sold or Dismissed.
alter table opportunity
    add column write_back_outcome      text check (write_back_outcome in ('won', 'lost')),
    add column write_back_status       text check (write_back_status in ('requested', 'sent', 'succeeded', 'failed', 'kept')),
    add column write_back_error        text,
    add column write_back_command_id   uuid,
    add column write_back_requested_by text,
    add column write_back_requested_at timestamptz,
    -- The request's time, then the `at` of the newest status applied: an older report never overwrites a newer one.
    add column write_back_updated_at   timestamptz,
    add constraint opportunity_write_back_complete check (
        (write_back_outcome is null) = (write_back_status is null)
        and (write_back_outcome is null) = (write_back_requested_by is null)
        and (write_back_outcome is null) = (write_back_requested_at is null)
        and (write_back_outcome is null) = (write_back_updated_at is null));

-- The technicians field-service reports actively assigned to a ServiceTitan job (io.lazi.field.job.assigned.v1),
-- shown on the opportunities whose st_job_id is the job. Kept per job rather than copied onto the opportunity, so
-- an assignment that arrives before the job's opportunity (or before the opportunity moves to that job) still shows.
-- The newest changed_at wins.
create table job_assignment (
    tenant_id      text        not null,
    job_id         bigint      not null,
    technician_ids bigint[]    not null,
    changed_at     timestamptz not null,
    primary key (tenant_id, job_id)
);
