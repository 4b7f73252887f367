package io.lazi.platform.events;

/**
 * Kafka topic names (DESIGN §3), as constants for {@code @KafkaListener} annotations. Which event types
 * travel on each topic, and how their records are keyed, is stated once in {@link Events}. Dead-letter
 * topics follow spring-kafka's default naming, {@code <topic>-dlt}, on the same partition as the source
 * record.
 */
public final class Topics {

	/** One ServiceTitan root category with its whole subtree; key {@code {tenantId}:{stId}}. */
	public static final String ST_RAW_CATEGORIES = "st.raw.categories";

	/** Sync lifecycle and counts; key {@code {tenantId}}. */
	public static final String SYNC_EVENTS = "sync.events";

	/** Real changes of the normalised pricebook tree; key {@code {tenantId}:{stId}}. */
	public static final String PRICEBOOK_CHANGED = "pricebook.changed";

	/** Raw ServiceTitan records for the CRM pipeline ({@link StRecordFetched}); key {@code {tenantId}:{stId}}. */
	public static final String ST_RAW_CUSTOMERS = "st.raw.customers";

	public static final String ST_RAW_LOCATIONS = "st.raw.locations";

	public static final String ST_RAW_JOBS = "st.raw.jobs";

	public static final String ST_RAW_APPOINTMENTS = "st.raw.appointments";

	public static final String ST_RAW_ESTIMATES = "st.raw.estimates";

	public static final String ST_RAW_BUSINESS_UNITS = "st.raw.business-units";

	/** Raw ServiceTitan SKUs ({@link StRecordFetched} of {@link StService}, {@link StMaterial}, {@link StEquipment}); key {@code {tenantId}:{stId}}. */
	public static final String ST_RAW_SERVICES = "st.raw.services";

	public static final String ST_RAW_MATERIALS = "st.raw.materials";

	public static final String ST_RAW_EQUIPMENT = "st.raw.equipment";

	/** Raw ServiceTitan dispatch and settings records for field-service ({@link StRecordFetched}); key {@code {tenantId}:{stId}}. */
	public static final String ST_RAW_TECHNICIANS = "st.raw.technicians";

	public static final String ST_RAW_TEAMS = "st.raw.teams";

	public static final String ST_RAW_ZONES = "st.raw.zones";

	public static final String ST_RAW_APPOINTMENT_ASSIGNMENTS = "st.raw.appointment-assignments";

	public static final String ST_RAW_TECHNICIAN_SHIFTS = "st.raw.technician-shifts";

	/** Job cancel and hold reasons ({@link StJobReason}); key {@code {tenantId}:{stId}}. */
	public static final String ST_RAW_JOB_REASONS = "st.raw.job-reasons";

	/** Raw ServiceTitan leads and bookings ({@link StLead}, {@link StBooking}); key {@code {tenantId}:{stId}}. */
	public static final String ST_RAW_LEADS = "st.raw.leads";

	public static final String ST_RAW_BOOKINGS = "st.raw.bookings";

	/**
	 * Opportunities marked won or lost by users ({@link OpportunityOutcomeMarked}), and opportunities whose status
	 * became won or lost ({@link OpportunityClosed}); key {@code {tenantId}:{opportunityId}}.
	 */
	public static final String CRM_OPPORTUNITIES = "crm.opportunities";

	/** CRM leads created and converted ({@link LeadCreated}, {@link LeadConverted}); key {@code {tenantId}:{leadId}}. */
	public static final String CRM_LEADS = "crm.leads";

	/** CRM tasks assigned to a user ({@link TaskAssigned}); key {@code {tenantId}:{taskId}}. */
	public static final String CRM_TASKS = "crm.tasks";

	/** CRM cases (service tickets) opened ({@link CaseOpened}); key {@code {tenantId}:{caseId}}. */
	public static final String CRM_CASES = "crm.cases";

	/** Customer, job and assignment changes and provider switches of field-service; keys per entity. */
	public static final String FIELD_CHANGED = "field.changed";

	/** Outbound writes to ServiceTitan ({@link StCommand}, {@link FieldCommand}); key {@code {tenantId}:{stId}}. */
	public static final String ST_COMMANDS = "st.commands";

	/** Opportunity stage moves; key {@code {tenantId}:{opportunityId}}. */
	public static final String CRM_STAGE_MOVED = "crm.stage-moved";

	private Topics() {
	}

	/** The dead-letter topic of {@code topic}. */
	public static String deadLetter(String topic) {
		return topic + "-dlt";
	}
}
