package io.lazi.stingest.crm;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;

import io.lazi.platform.events.EventTypes;
import io.lazi.platform.events.StAppointment;
import io.lazi.platform.events.StBusinessUnit;
import io.lazi.platform.events.StCustomer;
import io.lazi.platform.events.StEstimate;
import io.lazi.platform.events.StJob;
import io.lazi.platform.events.StLocation;
import io.lazi.platform.events.Topics;
import io.lazi.stingest.servicetitan.StPage;

/**
 * One ServiceTitan list a CRM run pulls, and where its records go.
 *
 * @param cursorResource key of the feed's incremental cursor in {@code sync_cursor}
 * @param path list path with a {@code {tenant}} variable
 * @param activeAny whether the list takes {@code active=Any} (jobs have no active filter)
 */
record CrmFeed<T>(String cursorResource, String path, boolean activeAny, String topic, String eventType,
		ParameterizedTypeReference<StPage<T>> pageType, ToLongFunction<T> id, Function<T, @Nullable Instant> modifiedOn) {

	static final CrmFeed<StBusinessUnit> BUSINESS_UNITS = new CrmFeed<>("crm.business-units",
			"/settings/v2/tenant/{tenant}/business-units", true, Topics.ST_RAW_BUSINESS_UNITS,
			EventTypes.BUSINESS_UNIT_FETCHED, new ParameterizedTypeReference<>() {
			}, StBusinessUnit::id, StBusinessUnit::modifiedOn);

	static final CrmFeed<StCustomer> CUSTOMERS = new CrmFeed<>("crm.customers", "/crm/v2/tenant/{tenant}/customers",
			true, Topics.ST_RAW_CUSTOMERS, EventTypes.CUSTOMER_FETCHED, new ParameterizedTypeReference<>() {
			}, StCustomer::id, StCustomer::modifiedOn);

	static final CrmFeed<StLocation> LOCATIONS = new CrmFeed<>("crm.locations", "/crm/v2/tenant/{tenant}/locations",
			true, Topics.ST_RAW_LOCATIONS, EventTypes.LOCATION_FETCHED, new ParameterizedTypeReference<>() {
			}, StLocation::id, StLocation::modifiedOn);

	static final CrmFeed<StJob> JOBS = new CrmFeed<>("crm.jobs", "/jpm/v2/tenant/{tenant}/jobs", false, Topics.ST_RAW_JOBS,
			EventTypes.JOB_FETCHED, new ParameterizedTypeReference<>() {
			}, StJob::id, StJob::modifiedOn);

	static final CrmFeed<StAppointment> APPOINTMENTS = new CrmFeed<>("crm.appointments",
			"/jpm/v2/tenant/{tenant}/appointments", true, Topics.ST_RAW_APPOINTMENTS, EventTypes.APPOINTMENT_FETCHED,
			new ParameterizedTypeReference<>() {
			}, StAppointment::id, StAppointment::modifiedOn);

	static final CrmFeed<StEstimate> ESTIMATES = new CrmFeed<>("crm.estimates", "/sales/v2/tenant/{tenant}/estimates",
			true, Topics.ST_RAW_ESTIMATES, EventTypes.ESTIMATE_FETCHED, new ParameterizedTypeReference<>() {
			}, StEstimate::id, StEstimate::modifiedOn);

	/**
	 * The order of a run: units before customers before their locations before jobs before appointments
	 * before estimates.
	 */
	static final List<CrmFeed<?>> IN_ORDER = List.of(BUSINESS_UNITS, CUSTOMERS, LOCATIONS, JOBS, APPOINTMENTS,
			ESTIMATES);
}
