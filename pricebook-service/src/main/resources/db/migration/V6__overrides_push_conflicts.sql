-- Local edits, pushes to ServiceTitan and conflicts.
--
-- Design: the existing columns of category (name, image_path, position, parent_st_id, root_st_id, path,
-- depth) stay the EFFECTIVE tree, the one users see, so a local move recomputes path and depth with one
-- set-based ltree statement. Beside them, st_* hold ServiceTitan's last known values. A sync writes ST's
-- value into both for every field that is not pending locally, and only into st_* (plus conflict
-- detection) for a pending field; paths are then rebuilt from the effective parents. Fields never edited
-- locally (description, active, business units, category type, created_on, modified_on) always hold
-- ST's values; modified_on is ST's last known modifiedOn.
--
-- A pending field is one of name, image, position, parent (the ServiceTitan fields a push writes). A
-- local name is the effective name itself; a local image is an image-service upload kept in
-- override_image_upload_id (the effective image_path keeps ST's path until the push lands). visible_crm
-- is Lazi-only: saved, never pushed, never pending. local_version counts local edits so a push result
-- only clears what the user has not changed again since the command was issued.
alter table category
	add column st_name                  text,
	add column st_image_path            text,
	add column st_position              integer,
	add column st_parent_st_id          bigint,
	add column st_root_st_id            bigint,
	add column override_image_upload_id uuid,
	add column visible_crm              boolean     not null default true,
	add column local_status             text        not null default 'NONE'
		check (local_status in ('NONE', 'CREATED', 'DELETED')),
	add column pending_fields           text[]      not null default '{}',
	add column pending_since            timestamptz,
	add column base_st_modified_on      timestamptz,
	add column local_version            integer     not null default 0,
	add column push_error_status        integer,
	add column push_error_message       text,
	add column push_error_at            timestamptz,
	add column push_error_push_id       uuid,
	add column push_error_command_id    uuid,
	add column conflict_id              uuid;

-- Rows synced so far are ServiceTitan's values unchanged.
update category
set st_name = name, st_image_path = image_path, st_position = position, st_parent_st_id = parent_st_id,
	st_root_st_id = root_st_id;

-- Provisional ids of local creates are the negated values of this sequence, so they never meet an ST id.
create sequence category_local_id;

create index category_pending on category (tenant_id) where local_status <> 'NONE' or cardinality(pending_fields) > 0;

-- One push request: the commands it sent and how many have an outcome.
create table category_push (
	tenant_id   text        not null,
	push_id     uuid        not null,
	count       integer     not null,
	success     integer     not null default 0,
	failed      integer     not null default 0,
	started_at  timestamptz not null,
	finished_at timestamptz,
	primary key (tenant_id, push_id)
);

-- One command of a push. WAITING: a create (or move) under a parent that is itself still a local create
-- of the same push; sent once the parent's result gives it a real id. SENT: awaiting st-ingest's answer.
create table category_push_item (
	command_id    uuid        primary key,
	tenant_id     text        not null,
	push_id       uuid        not null,
	st_id         bigint      not null,
	action        text        not null,
	fields        text[]      not null,
	local_version integer     not null,
	wait_for      bigint,
	status        text        not null check (status in ('WAITING', 'SENT', 'SUCCEEDED', 'NOT_FOUND', 'FAILED')),
	st_status     integer,
	message       text,
	completed_at  timestamptz,
	foreign key (tenant_id, push_id) references category_push (tenant_id, push_id)
);

create index category_push_item_push on category_push_item (tenant_id, push_id);
create index category_push_item_open on category_push_item (tenant_id, st_id) where status in ('WAITING', 'SENT');

-- A pull that met a pending local change. At most one open (or manual) conflict per item.
create table category_conflict (
	id          uuid        primary key,
	tenant_id   text        not null,
	st_id       bigint      not null,
	type        text        not null
		check (type in ('both_modified', 'local_deleted_st_modified', 'st_deleted_local_modified')),
	status      text        not null check (status in ('open', 'manual', 'resolved')),
	local       jsonb       not null,
	st          jsonb,
	detected_at timestamptz not null,
	resolved_at timestamptz,
	strategy    text
);

create unique index category_conflict_one_open on category_conflict (tenant_id, st_id) where status <> 'resolved';
create index category_conflict_tenant on category_conflict (tenant_id, status, detected_at desc);
