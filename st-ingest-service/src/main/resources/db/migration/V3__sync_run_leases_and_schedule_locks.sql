-- A running run belongs to the st-ingest instance that pulls it (owner) for as long as that instance keeps
-- renewing its lease. Once lease_expires_at has passed (by the database's clock), any instance takes it
-- over: it fails the run and, unless the run's lineage already lost an instance once, starts it again.
-- No check that a running run has an owner: during a rolling upgrade an instance of the previous version
-- still inserts runs without one, and the sweep treats a missing lease as expired.
alter table sync_run
    add column owner            text,
    add column lease_expires_at timestamptz,
    -- set by the owner when it stops at shutdown and hands the run over: not a lost instance
    add column handed_over      boolean     not null default false,
    -- the run this one restarts after taking it over
    add column takes_over       uuid        references sync_run (id),
    -- instances lost without a hand-over in this run's lineage (restarts after a crash)
    add column lost_owners      integer     not null default 0;

-- Where the sweep looks for expired leases (only running runs have one that matters).
create index sync_run_lease on sync_run (lease_expires_at) where status = 'RUNNING';

-- ShedLock's table (shedlock-provider-jdbc-template, database time in UTC): the instance that locks a
-- scheduled task's name fires its tick; the others skip it.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
