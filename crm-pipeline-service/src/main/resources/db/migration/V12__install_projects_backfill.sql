-- Install opportunities that reached their pipeline before projects existed get theirs now, as an opportunity
-- entering an Install stage would (io.lazi.crm.project.ProjectOpener): no tenant has a milestone template yet, so
-- every one gets the built-in milestones, due from today (UTC).
with opened as (
    insert into project (tenant_id, id, opportunity_id, account_id, st_customer_id, business_unit_id, name, status,
                         start_date, created_by, created_at, updated_at)
    select o.tenant_id, gen_random_uuid(), o.id, a.id, o.st_customer_id, j.business_unit_id,
           left(coalesce(a.name, c.name, o.title), 192) || ' install', 'active', (now() at time zone 'utc')::date,
           'pipeline', now(), now()
    from opportunity o
    left join account a on a.tenant_id = o.tenant_id and a.deleted_at is null
        and (a.id = o.account_id or (o.account_id is null and a.st_customer_id = o.st_customer_id))
    left join customer c on c.tenant_id = o.tenant_id and c.st_customer_id = o.st_customer_id
    left join job j on j.tenant_id = o.tenant_id and j.st_id = o.st_job_id
    where o.pipeline = 'INSTALL' and o.deleted_at is null
    on conflict (tenant_id, opportunity_id) do nothing
    returning tenant_id, id, start_date
)
insert into milestone (tenant_id, id, project_id, key, name, position, status, due_date, updated_at)
select p.tenant_id, gen_random_uuid(), p.id, m.key, m.name, m.position, 'pending', p.start_date + m.offset_days, now()
from opened p
cross join (values ('permit', 'Permit', 0, 7), ('materials', 'Materials', 1, 14),
                   ('install_scheduled', 'Install scheduled', 2, 21), ('inspection', 'Inspection', 3, 35),
                   ('completed', 'Completed', 4, 42)) as m(key, name, position, offset_days);
