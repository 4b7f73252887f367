package io.lazi.crm.project;

import static io.lazi.crm.jooq.Tables.MILESTONE;

import java.time.LocalDate;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.crm.pipeline.Pipeline;
import io.lazi.crm.pipeline.StagesEntered;
import io.lazi.crm.record.Actor;
import io.lazi.crm.record.Times;

/**
 * Opens the install project of every opportunity that enters an Install stage, in the transaction that moved it:
 * once per opportunity however often the stage is derived again (the insert does nothing for an opportunity that
 * has one), with the milestones of its template. Set-based: one statement for the projects of a batch of moves, one
 * for their milestones. Thread-safe.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProjectOpener {

	/**
	 * The projects of the Install opportunities among the given ones that have none yet. Name from the account (the
	 * opportunity's, else the account of its ServiceTitan customer), else the customer, else the opportunity's title;
	 * business unit from the opportunity's job.
	 */
	private static final String OPEN = """
			insert into project (tenant_id, id, opportunity_id, account_id, st_customer_id, business_unit_id, name,
				status, start_date, created_by, created_at, updated_at)
			select o.tenant_id, gen_random_uuid(), o.id, a.id, o.st_customer_id, j.business_unit_id,
				left(coalesce(a.name, c.name, o.title), 192) || ' install', 'active', ?::date, ?, ?::timestamptz,
				?::timestamptz
			from opportunity o
			left join account a on a.tenant_id = o.tenant_id and a.deleted_at is null
				and (a.id = o.account_id or (o.account_id is null and a.st_customer_id = o.st_customer_id))
			left join customer c on c.tenant_id = o.tenant_id and c.st_customer_id = o.st_customer_id
			left join job j on j.tenant_id = o.tenant_id and j.st_id = o.st_job_id
			where o.tenant_id = ? and o.id = any(?::uuid[]) and o.pipeline = 'INSTALL' and o.deleted_at is null
			order by o.id
			on conflict (tenant_id, opportunity_id) do nothing
			returning id, business_unit_id, start_date""";

	private final DSLContext dsl;

	private final MilestoneTemplates templates;

	@EventListener
	@Transactional
	void opportunitiesEntered(StagesEntered entered) {

		var install = entered.moves()
			.stream()
			.filter(move -> move.to().pipeline() == Pipeline.INSTALL)
			.map(StagesEntered.Entered::opportunityId)
			.distinct()
			.toArray(UUID[]::new);
		if (install.length > 0) {
			open(entered.tenantId(), install);
		}
	}

	private void open(String tenantId, UUID[] opportunityIds) {

		var now = Times.now();
		var opened = dsl.resultQuery(OPEN, now.toLocalDate(), Actor.PIPELINE.id(), now, now, tenantId,
				(Object) opportunityIds)
			.fetch();
		if (opened.isEmpty()) {
			return;
		}
		var plans = templates.resolve(tenantId, opened.map(r -> r.get("business_unit_id", Long.class)));
		var insert = dsl.insertInto(MILESTONE, MILESTONE.TENANT_ID, MILESTONE.ID, MILESTONE.PROJECT_ID, MILESTONE.KEY,
				MILESTONE.NAME, MILESTONE.POSITION, MILESTONE.STATUS, MILESTONE.DUE_DATE, MILESTONE.UPDATED_AT);
		var rows = 0;
		for (var project : opened) {
			var id = project.get("id", UUID.class);
			var start = project.get("start_date", LocalDate.class);
			var milestones = plans.get(project.get("business_unit_id", Long.class));
			for (var i = 0; i < milestones.size(); i++) {
				var m = milestones.get(i);
				insert = insert.values(tenantId, UUID.randomUUID(), id, m.key(), m.name(), i,
						MilestoneStatus.PENDING.wire(), start.plusDays(m.offsetDays()), now);
				rows++;
			}
		}
		if (rows > 0) {
			insert.execute();
		}
	}
}
