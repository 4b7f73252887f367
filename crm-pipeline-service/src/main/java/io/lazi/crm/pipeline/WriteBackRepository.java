package io.lazi.crm.pipeline;

import static io.lazi.crm.jooq.Tables.JOB_ASSIGNMENT;
import static io.lazi.crm.jooq.Tables.OPPORTUNITY;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.val;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import io.lazi.platform.events.EstimateWrittenBack;

/**
 * Writes the won/lost write-back state of opportunities and the technicians assigned to their jobs; the
 * opportunity's stage and facts are {@link OpportunityRepository}'s, which never writes these columns.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WriteBackRepository {

	private final DSLContext dsl;

	/**
	 * The live opportunity with {@code id} of the tenant and its write-back, locked for update; {@code null} when none
	 * (or deleted).
	 */
	@Nullable Markable lock(String tenantId, UUID id) {
		return dsl.select(OPPORTUNITY.ID, OPPORTUNITY.ST_CUSTOMER_ID, OPPORTUNITY.ST_JOB_ID, OPPORTUNITY.ST_ESTIMATE_ID,
				OPPORTUNITY.STATUS, OPPORTUNITY.WRITE_BACK_OUTCOME, OPPORTUNITY.WRITE_BACK_STATUS)
			.from(OPPORTUNITY)
			.where(OPPORTUNITY.TENANT_ID.eq(tenantId))
			.and(OPPORTUNITY.ID.eq(id))
			.and(OPPORTUNITY.DELETED_AT.isNull())
			.forUpdate()
			.fetchOne(r -> new Markable(r.value1(), r.value2(), r.value3(), r.value4(),
					OpportunityStatus.fromWire(r.value5()), r.value6(), r.value7()));
	}

	/** Replaces the opportunity's write-back by a new request: status {@code requested}, no error or command yet. */
	void request(String tenantId, UUID id, String outcome, String requestedBy, OffsetDateTime at) {
		dsl.update(OPPORTUNITY)
			.set(OPPORTUNITY.WRITE_BACK_OUTCOME, outcome)
			.set(OPPORTUNITY.WRITE_BACK_STATUS, "requested")
			.setNull(OPPORTUNITY.WRITE_BACK_ERROR)
			.setNull(OPPORTUNITY.WRITE_BACK_COMMAND_ID)
			.set(OPPORTUNITY.WRITE_BACK_REQUESTED_BY, requestedBy)
			.set(OPPORTUNITY.WRITE_BACK_REQUESTED_AT, at)
			.set(OPPORTUNITY.WRITE_BACK_UPDATED_AT, at)
			.where(OPPORTUNITY.TENANT_ID.eq(tenantId))
			.and(OPPORTUNITY.ID.eq(id))
			.execute();
	}

	/**
	 * Applies field-service's report to the write-back it is about: the opportunity's current request of the same
	 * outcome, when the report is not older than the status held (a report of an earlier request, or one overtaken
	 * by a newer report, changes nothing). A known command id stays when a later report omits it.
	 *
	 * @return whether the status was applied
	 */
	boolean report(EstimateWrittenBack report) {

		var at = at(report.at());
		return dsl.update(OPPORTUNITY)
			.set(OPPORTUNITY.WRITE_BACK_STATUS, report.status())
			.set(OPPORTUNITY.WRITE_BACK_ERROR, report.error())
			.set(OPPORTUNITY.WRITE_BACK_COMMAND_ID,
					coalesce(val(report.commandId(), OPPORTUNITY.WRITE_BACK_COMMAND_ID), OPPORTUNITY.WRITE_BACK_COMMAND_ID))
			.set(OPPORTUNITY.WRITE_BACK_UPDATED_AT, at)
			.where(OPPORTUNITY.TENANT_ID.eq(report.tenantId()))
			.and(OPPORTUNITY.ID.eq(report.opportunityId()))
			.and(OPPORTUNITY.WRITE_BACK_OUTCOME.eq(report.outcome()))
			.and(OPPORTUNITY.WRITE_BACK_UPDATED_AT.le(at))
			.execute() == 1;
	}

	/**
	 * Stores the technicians assigned to a job, unless the assignment held is newer.
	 *
	 * @return whether they were stored
	 */
	boolean assign(String tenantId, long jobId, List<@Nullable Long> technicianIds, Instant changedAt) {

		var ids = technicianIds.stream().filter(Objects::nonNull).distinct().sorted().toArray(Long[]::new);
		return dsl.insertInto(JOB_ASSIGNMENT, JOB_ASSIGNMENT.TENANT_ID, JOB_ASSIGNMENT.JOB_ID,
				JOB_ASSIGNMENT.TECHNICIAN_IDS, JOB_ASSIGNMENT.CHANGED_AT)
			.values(tenantId, jobId, ids, at(changedAt))
			.onConflict(JOB_ASSIGNMENT.TENANT_ID, JOB_ASSIGNMENT.JOB_ID)
			.doUpdate()
			.set(JOB_ASSIGNMENT.TECHNICIAN_IDS, excluded(JOB_ASSIGNMENT.TECHNICIAN_IDS))
			.set(JOB_ASSIGNMENT.CHANGED_AT, excluded(JOB_ASSIGNMENT.CHANGED_AT))
			.where(JOB_ASSIGNMENT.CHANGED_AT.le(excluded(JOB_ASSIGNMENT.CHANGED_AT)))
			.execute() == 1;
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * What a won/lost mark checks and announces of an opportunity.
	 *
	 * @param stCustomerId {@code null} for an opportunity opened in Lazi (which has no estimate to mark either)
	 * @param writeBackOutcome the outcome of the latest mark, {@code null} when none
	 * @param writeBackStatus where it stands, {@code null} when none
	 */
	record Markable(UUID id, @Nullable Long stCustomerId, @Nullable Long stJobId, @Nullable Long stEstimateId,
			OpportunityStatus status, @Nullable String writeBackOutcome, @Nullable String writeBackStatus) {
	}
}
