package io.lazi.crm.task;

import static org.jooq.impl.DSL.val;

import java.time.OffsetDateTime;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.DSLContext;
import org.jooq.QueryPart;
import org.jooq.Record;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.crm.record.RecordType;
import io.lazi.crm.record.RelatedRecords;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.platform.web.Tenant;

/**
 * A record's timeline, newest first: the activities and tasks about it, and
 * <ul>
 * <li>for an account also those about its contacts and opportunities, the stage moves of its opportunities and the
 * ServiceTitan facts of its customer ({@code st_customer_id});</li>
 * <li>for an opportunity its stage moves and the ServiceTitan facts of its customer;</li>
 * </ul>
 * the facts being jobs created, appointments (at their last change) and estimates sold or dismissed, as the pipeline
 * stores them. Read in one query (a {@code union all} over the sources, ordered and paged in the database) plus its
 * count. Thread-safe.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Timeline {

	/**
	 * The entries of every source as rows {@code (kind, at, title, detail, ref_type, ref_id, actor)}, in the view
	 * {@code entry}. Bind values: {@code {0}} the tenant, {@code {1}} the record type's wire name, {@code {2}} the
	 * record id. {@code subject} holds the records whose activities and tasks count (the record, and for an account
	 * its live contacts and opportunities); {@code st_customer} the ServiceTitan customer of an account or a derived
	 * opportunity. Every branch filters by the tenant.
	 */
	private static final String ENTRIES = """
			with subject (related_type, related_id) as (
			        select cast({1} as text), cast({2} as uuid)
			    union all
			        select 'contact', c.id from contact c
			        where {1} = 'account' and c.tenant_id = {0} and c.account_id = {2} and c.deleted_at is null
			    union all
			        select 'opportunity', o.id from opportunity o
			        where {1} = 'account' and o.tenant_id = {0} and o.account_id = {2} and o.deleted_at is null
			),
			st_customer (id) as (
			        select a.st_customer_id from account a
			        where {1} = 'account' and a.tenant_id = {0} and a.id = {2} and a.st_customer_id is not null
			    union
			        select o.st_customer_id from opportunity o
			        where {1} = 'opportunity' and o.tenant_id = {0} and o.id = {2} and o.st_customer_id is not null
			),
			entry (kind, at, title, detail, ref_type, ref_id, actor) as (
			        select 'activity', a.occurred_at, coalesce(a.subject, initcap(a.type)), left(a.body, 500),
			               'activity', cast(a.id as text), a.author_id
			        from activity a
			        join subject s on s.related_type = a.related_type and s.related_id = a.related_id
			        where a.tenant_id = {0}
			    union all
			        select 'task', coalesce(t.completed_at, t.created_at), t.title,
			               case when t.completed_at is null then 'Created' else 'Completed' end,
			               'task', cast(t.id as text), coalesce(t.completed_by, t.created_by)
			        from task t
			        join subject s on s.related_type = t.related_type and s.related_id = t.related_id
			        where t.tenant_id = {0}
			    union all
			        select 'stage-move', h.moved_at,
			               case when h.from_stage is null then '' else coalesce(fs.name, h.from_stage) || ' → ' end
			                   || coalesce(ts.name, h.to_stage),
			               h.reason || ' · ' || h.trigger_type || ' ' || h.trigger_id,
			               'opportunity', cast(h.opportunity_id as text),
			               case when h.trigger_type = 'user' then h.trigger_id else 'pipeline' end
			        from stage_history h
			        join subject s on s.related_type = 'opportunity' and s.related_id = h.opportunity_id
			        left join stage fs on fs.tenant_id = h.tenant_id and fs.key = h.from_stage
			        left join stage ts on ts.tenant_id = h.tenant_id and ts.key = h.to_stage
			        where h.tenant_id = {0}
			    union all
			        select 'servicetitan', j.created_on, 'Job ' || coalesce(j.job_number, cast(j.st_id as text)) || ' created',
			               j.job_status, 'job', cast(j.st_id as text), 'servicetitan'
			        from job j
			        join st_customer c on c.id = j.customer_id
			        where j.tenant_id = {0} and j.created_on is not null
			    union all
			        select 'servicetitan', p.modified_on, 'Appointment ' || lower(p.status),
			               'Appointment ' || p.st_id || ' of job ' || p.job_id, 'appointment', cast(p.st_id as text),
			               'servicetitan'
			        from appointment p
			        join st_customer c on c.id = p.customer_id
			        where p.tenant_id = {0} and p.modified_on is not null
			    union all
			        select 'servicetitan', e.modified_on,
			               'Estimate ' || coalesce(e.name, cast(e.st_id as text))
			                   || case when e.status_name = 'Sold' then ' sold' else ' dismissed' end,
			               'Estimate ' || e.st_id || coalesce(', subtotal ' || e.subtotal, ''), 'estimate',
			               cast(e.st_id as text), 'servicetitan'
			        from estimate e
			        join st_customer c on c.id = e.customer_id
			        where e.tenant_id = {0} and e.status_name in ('Sold', 'Dismissed') and e.modified_on is not null
			)
			""";

	/** Newest first; ties in a stable order so that pages neither repeat nor skip an entry. */
	private static final String PAGE = ENTRIES + """
			select kind, at, title, detail, ref_type, ref_id, actor
			from entry
			order by at desc, kind, ref_type, ref_id, title
			limit {3} offset {4}
			""";

	private static final String COUNT = ENTRIES + "select count(*) from entry";

	private final DSLContext dsl;

	private final RelatedRecords records;

	/**
	 * The page of the record's timeline.
	 *
	 * @throws ResourceNotFoundException when the tenant has no live record of {@code type} with {@code id}
	 */
	public Page<TimelineEntry> of(Tenant tenant, RecordType type, UUID id, PageRequest page) {

		if (!records.exists(tenant.id(), type, id)) {
			var what = type.wire();
			throw new ResourceNotFoundException(Character.toUpperCase(what.charAt(0)) + what.substring(1), id);
		}
		QueryPart[] record = { val(tenant.id()), val(type.wire()), val(id) };
		var total = dsl.resultQuery(COUNT, (Object[]) record).fetchSingle(0, Long.class);
		var items = dsl.resultQuery(PAGE, record[0], record[1], record[2], val(page.size()), val(page.offset()))
			.fetch(Timeline::entry);
		return Page.of(items, page, total);
	}

	private static TimelineEntry entry(Record r) {
		return new TimelineEntry(r.get("kind", String.class), r.get("at", OffsetDateTime.class).toInstant(),
				r.get("title", String.class), r.get("detail", String.class), r.get("ref_type", String.class),
				r.get("ref_id", String.class), r.get("actor", String.class));
	}
}
