package io.lazi.platform.events;

/**
 * CloudEvents {@code type} values ({@code ce_type} header) as string constants, kept for code that still
 * compares type strings. Each equals the {@link EventType#name()} of the {@link Events} constant of the
 * same name (a unit test holds them together).
 *
 * @deprecated decode through {@link Events} (type, payload record, topic and key in one place) and
 *             compare {@link EventType} constants instead of strings
 */
@Deprecated
public final class EventTypes {

	public static final String CATEGORY_FETCHED = "io.lazi.st.category.fetched.v1";

	public static final String SYNC_STARTED = "io.lazi.sync.started.v1";

	public static final String SYNC_COMPLETED = "io.lazi.sync.completed.v1";

	public static final String SYNC_FAILED = "io.lazi.sync.failed.v1";

	public static final String PRICEBOOK_CATEGORIES_SYNCED = "io.lazi.pricebook.categories.synced.v1";

	public static final String PRICEBOOK_CATEGORY_CREATED = "io.lazi.pricebook.category.created.v1";

	public static final String PRICEBOOK_CATEGORY_UPDATED = "io.lazi.pricebook.category.updated.v1";

	public static final String PRICEBOOK_CATEGORY_MOVED = "io.lazi.pricebook.category.moved.v1";

	public static final String PRICEBOOK_CATEGORY_DEACTIVATED = "io.lazi.pricebook.category.deactivated.v1";

	/** A local override was saved (name, image, position, visibility, parent). */
	public static final String PRICEBOOK_CATEGORY_OVERRIDE_SAVED = "io.lazi.pricebook.category.override-saved.v1";

	/** A category was deleted locally (pending push) or its deletion reached ServiceTitan. */
	public static final String PRICEBOOK_CATEGORY_DELETED = "io.lazi.pricebook.category.deleted.v1";

	/** One category's pending change reached ServiceTitan (payload {@link CategoryChanged}). */
	public static final String PRICEBOOK_CATEGORY_PUSHED = "io.lazi.pricebook.category.pushed.v1";

	public static final String PRICEBOOK_CATEGORY_CONFLICT = "io.lazi.pricebook.category.conflict.v1";

	public static final String PRICEBOOK_CATEGORIES_PUSHED = "io.lazi.pricebook.categories.pushed.v1";

	public static final String ST_COMMAND = "io.lazi.st.command.v1";

	public static final String ST_COMMAND_COMPLETED = "io.lazi.st.command.completed.v1";

	public static final String SERVICE_FETCHED = "io.lazi.st.service.fetched.v1";

	public static final String MATERIAL_FETCHED = "io.lazi.st.material.fetched.v1";

	public static final String EQUIPMENT_FETCHED = "io.lazi.st.equipment.fetched.v1";

	public static final String CUSTOMER_FETCHED = "io.lazi.st.customer.fetched.v1";

	public static final String LOCATION_FETCHED = "io.lazi.st.location.fetched.v1";

	public static final String JOB_FETCHED = "io.lazi.st.job.fetched.v1";

	public static final String APPOINTMENT_FETCHED = "io.lazi.st.appointment.fetched.v1";

	public static final String ESTIMATE_FETCHED = "io.lazi.st.estimate.fetched.v1";

	public static final String BUSINESS_UNIT_FETCHED = "io.lazi.st.business-unit.fetched.v1";

	public static final String CRM_STAGE_MOVED = "io.lazi.crm.opportunity.stage-moved.v1";

	private EventTypes() {
	}
}
