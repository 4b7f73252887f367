-- The CDN object ServiceTitan redirected to when the tenant's image was fetched through its own
-- credentials: the CDN proxy serves a tenant only objects recorded here.
alter table stored_image add column cdn_location text;
create index stored_image_cdn_location on stored_image (tenant_id, cdn_location);
