-- Listings of the deals (issue 18): opportunities newest stage entry first (GET /api/crm/opportunities, deleted ones
-- left out) and by owner; the products snapshot by name (GET /api/crm/products).
create index opportunity_tenant_stage_entered on opportunity (tenant_id, stage_entered_at desc, id)
    where deleted_at is null;
create index opportunity_tenant_owner on opportunity (tenant_id, owner_id)
    where deleted_at is null and owner_id is not null;
create index product_tenant_name on product (tenant_id, name, type, st_id);
