-- A sync applies one root at a time and looks up the rows ServiceTitan had in that root's tree (to deactivate
-- those missing now, or flag their pending changes): by ServiceTitan's root, which no index served, so every
-- root of a sync scanned the tenant's whole pricebook.
create index category_tenant_st_root on category (tenant_id, st_root_st_id);
