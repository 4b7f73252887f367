-- How long a run took until every record it fetched had gone out, before the work that follows them (a
-- categories run's by-id image fetches): the time until a user sees the whole tree, where duration_ms is the
-- time until the images too. Null for runs recorded before it existed and for runs that did not complete.
alter table sync_run
    add column records_published_ms bigint;
