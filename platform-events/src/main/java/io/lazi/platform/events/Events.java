package io.lazi.platform.events;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of the platform's events: every CloudEvents type with its payload record, its topic
 * ({@link Topics}) and its key rule. Consumers decode through it, producers take topic and key from it,
 * and the contract tests hold it, the JSON Schemas in {@code docs/events/} and {@code docs/asyncapi.yaml}
 * together. Types are versioned: a breaking payload change gets a new {@code .v2} type, never an edit of
 * an existing one.
 */
public final class Events {

	public static final EventType<CategoryFetched> CATEGORY_FETCHED = EventType.of("io.lazi.st.category.fetched.v1",
			Topics.ST_RAW_CATEGORIES, CategoryFetched.class, KeyRule.entity("stId", e -> e.category().id()));

	public static final EventType<StRecordFetched<StCustomer>> CUSTOMER_FETCHED = EventType
		.fetched("io.lazi.st.customer.fetched.v1", Topics.ST_RAW_CUSTOMERS, StCustomer.class, StCustomer::id);

	public static final EventType<StRecordFetched<StLocation>> LOCATION_FETCHED = EventType
		.fetched("io.lazi.st.location.fetched.v1", Topics.ST_RAW_LOCATIONS, StLocation.class, StLocation::id);

	public static final EventType<StRecordFetched<StJob>> JOB_FETCHED = EventType.fetched("io.lazi.st.job.fetched.v1",
			Topics.ST_RAW_JOBS, StJob.class, StJob::id);

	public static final EventType<StRecordFetched<StAppointment>> APPOINTMENT_FETCHED = EventType
		.fetched("io.lazi.st.appointment.fetched.v1", Topics.ST_RAW_APPOINTMENTS, StAppointment.class, StAppointment::id);

	public static final EventType<StRecordFetched<StEstimate>> ESTIMATE_FETCHED = EventType
		.fetched("io.lazi.st.estimate.fetched.v1", Topics.ST_RAW_ESTIMATES, StEstimate.class, StEstimate::id);

	public static final EventType<StRecordFetched<StBusinessUnit>> BUSINESS_UNIT_FETCHED = EventType.fetched(
			"io.lazi.st.business-unit.fetched.v1", Topics.ST_RAW_BUSINESS_UNITS, StBusinessUnit.class, StBusinessUnit::id);

	public static final EventType<StRecordFetched<StService>> SERVICE_FETCHED = EventType
		.fetched("io.lazi.st.service.fetched.v1", Topics.ST_RAW_SERVICES, StService.class, StService::id);

	public static final EventType<StRecordFetched<StMaterial>> MATERIAL_FETCHED = EventType
		.fetched("io.lazi.st.material.fetched.v1", Topics.ST_RAW_MATERIALS, StMaterial.class, StMaterial::id);

	public static final EventType<StRecordFetched<StEquipment>> EQUIPMENT_FETCHED = EventType
		.fetched("io.lazi.st.equipment.fetched.v1", Topics.ST_RAW_EQUIPMENT, StEquipment.class, StEquipment::id);

	public static final EventType<StRecordFetched<StTechnician>> TECHNICIAN_FETCHED = EventType
		.fetched("io.lazi.st.technician.fetched.v1", Topics.ST_RAW_TECHNICIANS, StTechnician.class, StTechnician::id);

	public static final EventType<StRecordFetched<StTeam>> TEAM_FETCHED = EventType.fetched("io.lazi.st.team.fetched.v1",
			Topics.ST_RAW_TEAMS, StTeam.class, StTeam::id);

	public static final EventType<StRecordFetched<StZone>> ZONE_FETCHED = EventType.fetched("io.lazi.st.zone.fetched.v1",
			Topics.ST_RAW_ZONES, StZone.class, StZone::id);

	public static final EventType<StRecordFetched<StAppointmentAssignment>> APPOINTMENT_ASSIGNMENT_FETCHED = EventType
		.fetched("io.lazi.st.appointment-assignment.fetched.v1", Topics.ST_RAW_APPOINTMENT_ASSIGNMENTS,
				StAppointmentAssignment.class, StAppointmentAssignment::id);

	public static final EventType<StRecordFetched<StTechnicianShift>> TECHNICIAN_SHIFT_FETCHED = EventType.fetched(
			"io.lazi.st.technician-shift.fetched.v1", Topics.ST_RAW_TECHNICIAN_SHIFTS, StTechnicianShift.class,
			StTechnicianShift::id);

	/** A job's history, published after the job on the job's key. */
	public static final EventType<StRecordFetched<StJobHistory>> JOB_HISTORY_FETCHED = EventType
		.fetched("io.lazi.st.job-history.fetched.v1", Topics.ST_RAW_JOBS, StJobHistory.class, StJobHistory::jobId);

	public static final EventType<StRecordFetched<StJobReason>> JOB_CANCEL_REASON_FETCHED = EventType.fetched(
			"io.lazi.st.job-cancel-reason.fetched.v1", Topics.ST_RAW_JOB_REASONS, StJobReason.class, StJobReason::id);

	public static final EventType<StRecordFetched<StJobReason>> JOB_HOLD_REASON_FETCHED = EventType.fetched(
			"io.lazi.st.job-hold-reason.fetched.v1", Topics.ST_RAW_JOB_REASONS, StJobReason.class, StJobReason::id);

	public static final EventType<StRecordFetched<StLead>> LEAD_FETCHED = EventType.fetched("io.lazi.st.lead.fetched.v1",
			Topics.ST_RAW_LEADS, StLead.class, StLead::id);

	public static final EventType<StRecordFetched<StBooking>> BOOKING_FETCHED = EventType
		.fetched("io.lazi.st.booking.fetched.v1", Topics.ST_RAW_BOOKINGS, StBooking.class, StBooking::id);

	/** A write to ServiceTitan's customers, jobs, appointments or estimates, asked by field-service. */
	public static final EventType<FieldCommand> FIELD_COMMAND = EventType.of("io.lazi.st.field-command.v1",
			Topics.ST_COMMANDS, FieldCommand.class, KeyRule.entity("stId", FieldCommand::stId));

	/** st-ingest's outcome of one {@link #FIELD_COMMAND}. */
	public static final EventType<FieldCommandCompleted> FIELD_COMMAND_COMPLETED = EventType.of(
			"io.lazi.st.field-command.completed.v1", Topics.SYNC_EVENTS, FieldCommandCompleted.class, KeyRule.tenant());

	/**
	 * field-service applied st-ingest's answer to one of its commands: the mirror holds ServiceTitan's records after
	 * the write. Its payload is the answer; browsers get it as {@code field:command-completed}, after the change.
	 */
	public static final EventType<FieldCommandCompleted> FIELD_COMMAND_APPLIED = EventType.of(
			"io.lazi.field.command.completed.v1", Topics.FIELD_CHANGED, FieldCommandCompleted.class,
			KeyRule.entity("stId", FieldCommandCompleted::stId));

	public static final EventType<CustomerChanged> FIELD_CUSTOMER_CHANGED = EventType.of(
			"io.lazi.field.customer.changed.v1", Topics.FIELD_CHANGED, CustomerChanged.class,
			KeyRule.entity("customerId", CustomerChanged::customerId));

	public static final EventType<JobChanged> FIELD_JOB_UPDATED = jobChange("io.lazi.field.job.updated.v1");

	public static final EventType<JobChanged> FIELD_JOB_STATUS_CHANGED = jobChange("io.lazi.field.job.status-changed.v1");

	/** The technicians assigned to a job's appointments changed. */
	public static final EventType<JobChanged> FIELD_JOB_ASSIGNED = jobChange("io.lazi.field.job.assigned.v1");

	/** Where the write-back of an opportunity marked won or lost stands. */
	public static final EventType<EstimateWrittenBack> FIELD_ESTIMATE_WRITTEN_BACK = EventType.of(
			"io.lazi.field.estimate.written-back.v1", Topics.FIELD_CHANGED, EstimateWrittenBack.class,
			KeyRule.entity("opportunityId", EstimateWrittenBack::opportunityId));

	/** A user marked an opportunity won or lost. */
	public static final EventType<OpportunityOutcomeMarked> CRM_OPPORTUNITY_OUTCOME_MARKED = EventType.of(
			"io.lazi.crm.opportunity.outcome-marked.v1", Topics.CRM_OPPORTUNITIES, OpportunityOutcomeMarked.class,
			KeyRule.entity("opportunityId", OpportunityOutcomeMarked::opportunityId));

	/** A lead was created, by a user or on the first sight of a ServiceTitan lead; browsers receive {@code crm:lead-created}. */
	public static final EventType<LeadCreated> CRM_LEAD_CREATED = EventType.of("io.lazi.crm.lead.created.v1",
			Topics.CRM_LEADS, LeadCreated.class, KeyRule.entity("leadId", LeadCreated::leadId));

	/** A lead was converted into an account, a contact and an opportunity; browsers receive {@code crm:lead-converted}. */
	public static final EventType<LeadConverted> CRM_LEAD_CONVERTED = EventType.of("io.lazi.crm.lead.converted.v1",
			Topics.CRM_LEADS, LeadConverted.class, KeyRule.entity("leadId", LeadConverted::leadId));

	/** An opportunity's status became won (rules or user); browsers receive {@code crm:opportunity-won}. */
	public static final EventType<OpportunityClosed> CRM_OPPORTUNITY_WON = opportunityClosed(
			"io.lazi.crm.opportunity.won.v1");

	/** An opportunity's status became lost (rules or user); browsers receive {@code crm:opportunity-lost}. */
	public static final EventType<OpportunityClosed> CRM_OPPORTUNITY_LOST = opportunityClosed(
			"io.lazi.crm.opportunity.lost.v1");

	/**
	 * A task was created with an assignee, or its assignee changed; browsers receive {@code crm:task-assigned}, only
	 * the assignee's sessions.
	 */
	public static final EventType<TaskAssigned> CRM_TASK_ASSIGNED = EventType.of("io.lazi.crm.task.assigned.v1",
			Topics.CRM_TASKS, TaskAssigned.class, KeyRule.entity("taskId", TaskAssigned::taskId));

	/** A case was opened; browsers receive {@code crm:case-opened}. */
	public static final EventType<CaseOpened> CRM_CASE_OPENED = EventType.of("io.lazi.crm.case.opened.v1",
			Topics.CRM_CASES, CaseOpened.class, KeyRule.entity("caseId", CaseOpened::caseId));

	public static final EventType<ProvidersChanged> FIELD_PROVIDERS_CHANGED = EventType.of(
			"io.lazi.field.providers.changed.v1", Topics.FIELD_CHANGED, ProvidersChanged.class, KeyRule.tenant());

	public static final EventType<SyncStarted> SYNC_STARTED = EventType.of("io.lazi.sync.started.v1",
			Topics.SYNC_EVENTS, SyncStarted.class, KeyRule.tenant());

	public static final EventType<SyncCompleted> SYNC_COMPLETED = EventType.of("io.lazi.sync.completed.v1",
			Topics.SYNC_EVENTS, SyncCompleted.class, KeyRule.tenant());

	public static final EventType<SyncFailed> SYNC_FAILED = EventType.of("io.lazi.sync.failed.v1", Topics.SYNC_EVENTS,
			SyncFailed.class, KeyRule.tenant());

	/** st-ingest's outcome of one {@link #ST_COMMAND}. */
	public static final EventType<StCommandCompleted> ST_COMMAND_COMPLETED = EventType.of(
			"io.lazi.st.command.completed.v1", Topics.SYNC_EVENTS, StCommandCompleted.class, KeyRule.tenant());

	public static final EventType<CategoriesSynced> PRICEBOOK_CATEGORIES_SYNCED = EventType.of(
			"io.lazi.pricebook.categories.synced.v1", Topics.SYNC_EVENTS, CategoriesSynced.class, KeyRule.tenant());

	public static final EventType<CategoriesPushed> PRICEBOOK_CATEGORIES_PUSHED = EventType.of(
			"io.lazi.pricebook.categories.pushed.v1", Topics.SYNC_EVENTS, CategoriesPushed.class, KeyRule.tenant());

	public static final EventType<CategoryChanged> PRICEBOOK_CATEGORY_CREATED = categoryChange(
			"io.lazi.pricebook.category.created.v1");

	public static final EventType<CategoryChanged> PRICEBOOK_CATEGORY_UPDATED = categoryChange(
			"io.lazi.pricebook.category.updated.v1");

	public static final EventType<CategoryChanged> PRICEBOOK_CATEGORY_MOVED = categoryChange(
			"io.lazi.pricebook.category.moved.v1");

	public static final EventType<CategoryChanged> PRICEBOOK_CATEGORY_DEACTIVATED = categoryChange(
			"io.lazi.pricebook.category.deactivated.v1");

	/** A local override was saved (name, image, position, visibility, parent). */
	public static final EventType<CategoryChanged> PRICEBOOK_CATEGORY_OVERRIDE_SAVED = categoryChange(
			"io.lazi.pricebook.category.override-saved.v1");

	/** A category was deleted locally (pending push) or its deletion reached ServiceTitan. */
	public static final EventType<CategoryChanged> PRICEBOOK_CATEGORY_DELETED = categoryChange(
			"io.lazi.pricebook.category.deleted.v1");

	/** One category's pending change reached ServiceTitan. */
	public static final EventType<CategoryChanged> PRICEBOOK_CATEGORY_PUSHED = categoryChange(
			"io.lazi.pricebook.category.pushed.v1");

	public static final EventType<CategoryConflictDetected> PRICEBOOK_CATEGORY_CONFLICT = EventType.of(
			"io.lazi.pricebook.category.conflict.v1", Topics.PRICEBOOK_CHANGED, CategoryConflictDetected.class,
			KeyRule.entity("stId", CategoryConflictDetected::stId));

	public static final EventType<StCommand> ST_COMMAND = EventType.of("io.lazi.st.command.v1", Topics.ST_COMMANDS,
			StCommand.class, KeyRule.entity("stId", StCommand::stId));

	public static final EventType<OpportunityStageMoved> CRM_STAGE_MOVED = EventType.of(
			"io.lazi.crm.opportunity.stage-moved.v1", Topics.CRM_STAGE_MOVED, OpportunityStageMoved.class,
			KeyRule.entity("opportunityId", OpportunityStageMoved::opportunityId));

	private static final List<EventType<?>> ALL = List.of(CATEGORY_FETCHED, CUSTOMER_FETCHED, LOCATION_FETCHED,
			JOB_FETCHED, APPOINTMENT_FETCHED, ESTIMATE_FETCHED, BUSINESS_UNIT_FETCHED, SERVICE_FETCHED, MATERIAL_FETCHED,
			EQUIPMENT_FETCHED, SYNC_STARTED, SYNC_COMPLETED, SYNC_FAILED, ST_COMMAND_COMPLETED,
			PRICEBOOK_CATEGORIES_SYNCED, PRICEBOOK_CATEGORIES_PUSHED, PRICEBOOK_CATEGORY_CREATED,
			PRICEBOOK_CATEGORY_UPDATED, PRICEBOOK_CATEGORY_MOVED, PRICEBOOK_CATEGORY_DEACTIVATED,
			PRICEBOOK_CATEGORY_OVERRIDE_SAVED, PRICEBOOK_CATEGORY_DELETED, PRICEBOOK_CATEGORY_PUSHED,
			PRICEBOOK_CATEGORY_CONFLICT, ST_COMMAND, CRM_STAGE_MOVED, TECHNICIAN_FETCHED, TEAM_FETCHED, ZONE_FETCHED,
			APPOINTMENT_ASSIGNMENT_FETCHED, TECHNICIAN_SHIFT_FETCHED, JOB_HISTORY_FETCHED, JOB_CANCEL_REASON_FETCHED,
			JOB_HOLD_REASON_FETCHED, LEAD_FETCHED, BOOKING_FETCHED, FIELD_COMMAND, FIELD_COMMAND_COMPLETED,
			FIELD_CUSTOMER_CHANGED, FIELD_JOB_UPDATED, FIELD_JOB_STATUS_CHANGED, FIELD_JOB_ASSIGNED,
			FIELD_PROVIDERS_CHANGED, FIELD_ESTIMATE_WRITTEN_BACK, CRM_OPPORTUNITY_OUTCOME_MARKED, FIELD_COMMAND_APPLIED,
			CRM_LEAD_CREATED, CRM_LEAD_CONVERTED, CRM_OPPORTUNITY_WON, CRM_OPPORTUNITY_LOST, CRM_TASK_ASSIGNED,
			CRM_CASE_OPENED);

	private static final Map<String, EventType<?>> BY_NAME = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

	private Events() {
	}

	/** Every registered type, in declaration order. */
	public static List<EventType<?>> all() {
		return ALL;
	}

	/** The type named {@code ceType}; empty for a type this version does not know (a newer producer's). */
	public static Optional<EventType<?>> find(String ceType) {
		return Optional.ofNullable(BY_NAME.get(ceType));
	}

	/** Every topic some registered type travels on, in declaration order. */
	public static Set<String> topics() {
		return ALL.stream().map(EventType::topic).collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private static EventType<JobChanged> jobChange(String name) {
		return EventType.of(name, Topics.FIELD_CHANGED, JobChanged.class, KeyRule.entity("jobId", JobChanged::jobId));
	}

	private static EventType<OpportunityClosed> opportunityClosed(String name) {
		return EventType.of(name, Topics.CRM_OPPORTUNITIES, OpportunityClosed.class,
				KeyRule.entity("opportunityId", OpportunityClosed::opportunityId));
	}

	private static EventType<CategoryChanged> categoryChange(String name) {
		return EventType.of(name, Topics.PRICEBOOK_CHANGED,
				CategoryChanged.class, KeyRule.entity("stId", CategoryChanged::stId));
	}
}
