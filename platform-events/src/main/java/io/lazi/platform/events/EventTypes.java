package io.lazi.platform.events;

/**
 * CloudEvents {@code type} values ({@code ce_type} header). Versioned: a breaking payload change
 * gets a new {@code .v2} type, never an edit of an existing one.
 */
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
