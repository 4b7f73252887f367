-- Changes to the platform tables after their V1 (db/platform-kafka), idempotent so that this repeatable script
-- applies to every service schema, st-ingest's included, whatever created the tables there (docs/adr/0005, 0007).
-- The W3C trace context of the work that wrote the row, which the relay continues; null on rows written before.
alter table outbox_event add column if not exists traceparent text;
