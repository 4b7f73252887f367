package io.lazi.crm.pipeline;

import static io.lazi.crm.jooq.Tables.CUSTOMER;
import static io.lazi.crm.jooq.Tables.JOB_ASSIGNMENT;
import static io.lazi.crm.jooq.Tables.OPPORTUNITY;
import static io.lazi.crm.jooq.Tables.STAGE_HISTORY;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.sum;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.crm.pipeline.Views.Distribution;
import io.lazi.crm.pipeline.Views.HistoryEntry;
import io.lazi.crm.pipeline.Views.OpportunityDetail;
import io.lazi.crm.pipeline.Views.OpportunityView;
import io.lazi.crm.pipeline.Views.PipelineStats;
import io.lazi.crm.pipeline.Views.StageStats;
import io.lazi.crm.pipeline.Views.WriteBack;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.platform.web.Tenant;

/** The tenant's opportunities, history and distribution, read-only. Thread-safe. */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PipelineQueries {

	private final DSLContext dsl;

	/** Opportunities, newest stage entry first, optionally filtered. */
	public Page<OpportunityView> opportunities(Tenant tenant, @Nullable Pipeline pipeline, @Nullable Stage stage,
			@Nullable OpportunityStatus status, PageRequest page) {

		var where = OPPORTUNITY.TENANT_ID.eq(tenant.id())
			.and(pipeline == null ? noCondition() : OPPORTUNITY.PIPELINE.eq(pipeline.name()))
			.and(stage == null ? noCondition() : OPPORTUNITY.STAGE.eq(stage.name()))
			.and(status == null ? noCondition() : OPPORTUNITY.STATUS.eq(status.wire()));
		var total = dsl.fetchCount(OPPORTUNITY, where);
		var items = selectOpportunities().where(where)
			.orderBy(OPPORTUNITY.STAGE_ENTERED_AT.desc(), OPPORTUNITY.ID)
			.limit(page.size())
			.offset(page.offset())
			.fetch(PipelineQueries::opportunity);
		return Page.of(items, page, total);
	}

	/** One opportunity with its stage history. */
	public OpportunityDetail opportunity(Tenant tenant, UUID id) {

		var view = selectOpportunities().where(OPPORTUNITY.TENANT_ID.eq(tenant.id()))
			.and(OPPORTUNITY.ID.eq(id))
			.fetchOptional(PipelineQueries::opportunity)
			.orElseThrow(() -> new ResourceNotFoundException("Opportunity", id));
		var history = selectHistory().where(STAGE_HISTORY.TENANT_ID.eq(tenant.id()))
			.and(STAGE_HISTORY.OPPORTUNITY_ID.eq(id))
			.orderBy(STAGE_HISTORY.SEQ)
			.fetch(PipelineQueries::history);
		return new OpportunityDetail(view, history);
	}

	/** The tenant's most recent stage moves, newest first. */
	public Page<HistoryEntry> activity(Tenant tenant, PageRequest page) {

		var where = STAGE_HISTORY.TENANT_ID.eq(tenant.id());
		var total = dsl.fetchCount(STAGE_HISTORY, where);
		var items = selectHistory().where(where)
			.orderBy(STAGE_HISTORY.SEQ.desc())
			.limit(page.size())
			.offset(page.offset())
			.fetch(PipelineQueries::history);
		return Page.of(items, page, total);
	}

	/** Count and value per pipeline and stage, every stage listed (zeros included). */
	public Distribution distribution(Tenant tenant) {

		var value = coalesce(sum(OPPORTUNITY.MONETARY_VALUE), BigDecimal.ZERO);
		var byStage = new HashMap<String, StageStats>();
		dsl.select(OPPORTUNITY.STAGE, count(), value)
			.from(OPPORTUNITY)
			.where(OPPORTUNITY.TENANT_ID.eq(tenant.id()))
			.groupBy(OPPORTUNITY.STAGE)
			.forEach(r -> byStage.put(r.value1(), new StageStats(r.value1(), Stage.valueOf(r.value1()).displayName(),
					r.value2(), r.value3())));
		var pipelines = new ArrayList<PipelineStats>();
		long opportunities = 0;
		for (var pipeline : Pipeline.values()) {
			var stages = Stage.of(pipeline)
				.stream()
				.map(s -> byStage.getOrDefault(s.name(), new StageStats(s.name(), s.displayName(), 0, BigDecimal.ZERO)))
				.toList();
			var count = stages.stream().mapToLong(StageStats::count).sum();
			var total = stages.stream().map(StageStats::value).reduce(BigDecimal.ZERO, BigDecimal::add);
			pipelines.add(new PipelineStats(pipeline.name(), pipeline.displayName(), count, total, stages));
			opportunities += count;
		}
		return new Distribution(dsl.fetchCount(CUSTOMER, CUSTOMER.TENANT_ID.eq(tenant.id())), opportunities, pipelines);
	}

	private org.jooq.SelectOnConditionStep<Record> selectOpportunities() {
		return dsl.select(OPPORTUNITY.fields())
			.select(CUSTOMER.NAME, JOB_ASSIGNMENT.TECHNICIAN_IDS)
			.from(OPPORTUNITY)
			.leftJoin(CUSTOMER)
			.on(CUSTOMER.TENANT_ID.eq(OPPORTUNITY.TENANT_ID).and(CUSTOMER.ST_CUSTOMER_ID.eq(OPPORTUNITY.ST_CUSTOMER_ID)))
			.leftJoin(JOB_ASSIGNMENT)
			.on(JOB_ASSIGNMENT.TENANT_ID.eq(OPPORTUNITY.TENANT_ID).and(JOB_ASSIGNMENT.JOB_ID.eq(OPPORTUNITY.ST_JOB_ID)));
	}

	private org.jooq.SelectJoinStep<Record> selectHistory() {
		return dsl.select(STAGE_HISTORY.fields()).from(STAGE_HISTORY);
	}

	private static OpportunityView opportunity(Record r) {

		var stage = Stage.valueOf(r.get(OPPORTUNITY.STAGE));
		return new OpportunityView(r.get(OPPORTUNITY.ID), stage.pipeline().name(), stage.pipeline().displayName(),
				stage.name(), stage.displayName(), r.get(OPPORTUNITY.STATUS), r.get(OPPORTUNITY.TITLE),
				r.get(OPPORTUNITY.MONETARY_VALUE), r.get(OPPORTUNITY.ST_CUSTOMER_ID), r.get(CUSTOMER.NAME),
				r.get(OPPORTUNITY.ST_JOB_ID), r.get(OPPORTUNITY.ST_ESTIMATE_ID),
				r.get(OPPORTUNITY.STAGE_ENTERED_AT).toInstant(), r.get(OPPORTUNITY.CREATED_AT).toInstant(),
				r.get(OPPORTUNITY.UPDATED_AT).toInstant(), technicians(r.get(JOB_ASSIGNMENT.TECHNICIAN_IDS)),
				writeBack(r));
	}

	private static List<Long> technicians(Long @Nullable [] ids) {
		return ids == null ? List.of() : List.of(ids);
	}

	private static @Nullable WriteBack writeBack(Record r) {

		var outcome = r.get(OPPORTUNITY.WRITE_BACK_OUTCOME);
		if (outcome == null) {
			return null;
		}
		return new WriteBack(outcome, r.get(OPPORTUNITY.WRITE_BACK_STATUS), r.get(OPPORTUNITY.WRITE_BACK_ERROR),
				r.get(OPPORTUNITY.WRITE_BACK_COMMAND_ID), r.get(OPPORTUNITY.WRITE_BACK_REQUESTED_BY),
				r.get(OPPORTUNITY.WRITE_BACK_REQUESTED_AT).toInstant(), r.get(OPPORTUNITY.WRITE_BACK_UPDATED_AT).toInstant());
	}

	private static HistoryEntry history(Record r) {
		return new HistoryEntry(r.get(STAGE_HISTORY.OPPORTUNITY_ID), r.get(STAGE_HISTORY.FROM_PIPELINE),
				r.get(STAGE_HISTORY.FROM_STAGE), r.get(STAGE_HISTORY.TO_PIPELINE), r.get(STAGE_HISTORY.TO_STAGE),
				r.get(STAGE_HISTORY.REASON), r.get(STAGE_HISTORY.TRIGGER_TYPE), r.get(STAGE_HISTORY.TRIGGER_ID),
				instant(r.get(STAGE_HISTORY.MOVED_AT)));
	}

	private static java.time.Instant instant(OffsetDateTime at) {
		return at.toInstant();
	}
}
