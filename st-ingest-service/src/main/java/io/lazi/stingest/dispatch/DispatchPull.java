package io.lazi.stingest.dispatch;

import java.util.List;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import io.lazi.platform.events.Events;
import io.lazi.platform.events.StAppointmentAssignment;
import io.lazi.platform.events.StJobReason;
import io.lazi.platform.events.StTeam;
import io.lazi.platform.events.StTechnician;
import io.lazi.platform.events.StTechnicianShift;
import io.lazi.platform.events.StZone;
import io.lazi.stingest.sync.Feed;
import io.lazi.stingest.sync.Feeds;
import io.lazi.stingest.sync.PullResult;
import io.lazi.stingest.sync.PullRun;
import io.lazi.stingest.sync.ResourcePull;
import io.lazi.stingest.sync.SyncResource;

/**
 * The pull of resource {@code dispatch} ({@code /api/sync/dispatch}): technicians
 * ({@code GET /settings/v2/tenant/{tenant}/technicians}), teams, zones ({@code /dispatch/v2/tenant/{tenant}/teams},
 * {@code …/zones}), job cancel and hold reasons ({@code /jpm/v2/tenant/{tenant}/job-cancel-reasons},
 * {@code …/job-hold-reasons}), technician shifts and appointment assignments
 * ({@code /dispatch/v2/tenant/{tenant}/technician-shifts}, {@code …/appointment-assignments}), in that order, each
 * list with its own cursor ({@code dispatch.<list>}). Every one of these lists takes {@code modifiedOnOrAfter} and
 * answers {@code modifiedOn}, so none is pulled whole on an incremental run. Inactive records arrive too: every list
 * takes {@code active=Any} but teams, whose filter is {@code includeInactive=true}. A run starts after every
 * completed {@code crm} run (same type and trigger) unless {@code after-crm} is off, on its own crons and on demand.
 */
@Component
class DispatchPull implements ResourcePull {

	/** The resource name in {@code sync_run} and on {@code sync.events}; also its API path. */
	static final String RESOURCE = "dispatch";

	private static final Feed<StTechnician> TECHNICIANS = Feed.of("dispatch.technicians",
			"/settings/v2/tenant/{tenant}/technicians", true, Events.TECHNICIAN_FETCHED, new ParameterizedTypeReference<>() {
			}, StTechnician::id, StTechnician::modifiedOn);

	private static final Feed<StTeam> TEAMS = Feed.of("dispatch.teams", "/dispatch/v2/tenant/{tenant}/teams", false,
			Events.TEAM_FETCHED, new ParameterizedTypeReference<>() {
			}, StTeam::id, StTeam::modifiedOn)
		.withQuery("includeInactive", true);

	private static final Feed<StZone> ZONES = Feed.of("dispatch.zones", "/dispatch/v2/tenant/{tenant}/zones", true,
			Events.ZONE_FETCHED, new ParameterizedTypeReference<>() {
			}, StZone::id, StZone::modifiedOn);

	private static final Feed<StJobReason> CANCEL_REASONS = Feed.of("dispatch.job-cancel-reasons",
			"/jpm/v2/tenant/{tenant}/job-cancel-reasons", true, Events.JOB_CANCEL_REASON_FETCHED,
			new ParameterizedTypeReference<>() {
			}, StJobReason::id, StJobReason::modifiedOn);

	private static final Feed<StJobReason> HOLD_REASONS = Feed.of("dispatch.job-hold-reasons",
			"/jpm/v2/tenant/{tenant}/job-hold-reasons", true, Events.JOB_HOLD_REASON_FETCHED,
			new ParameterizedTypeReference<>() {
			}, StJobReason::id, StJobReason::modifiedOn);

	private static final Feed<StTechnicianShift> SHIFTS = Feed.of("dispatch.technician-shifts",
			"/dispatch/v2/tenant/{tenant}/technician-shifts", true, Events.TECHNICIAN_SHIFT_FETCHED,
			new ParameterizedTypeReference<>() {
			}, StTechnicianShift::id, StTechnicianShift::modifiedOn);

	private static final Feed<StAppointmentAssignment> ASSIGNMENTS = Feed.of("dispatch.appointment-assignments",
			"/dispatch/v2/tenant/{tenant}/appointment-assignments", true, Events.APPOINTMENT_ASSIGNMENT_FETCHED,
			new ParameterizedTypeReference<>() {
			}, StAppointmentAssignment::id, StAppointmentAssignment::modifiedOn);

	private static final List<Feed<?>> LISTS = List.of(TECHNICIANS, TEAMS, ZONES, CANCEL_REASONS, HOLD_REASONS, SHIFTS,
			ASSIGNMENTS);

	private final Feeds feeds;

	private final SyncResource resource;

	DispatchPull(Feeds feeds, DispatchProperties properties, DispatchScheduleProperties schedule) {
		this.feeds = feeds;
		this.resource = new SyncResource(RESOURCE, RESOURCE, "dispatch", TECHNICIANS.cursor(),
				properties.incrementalOverlap(), schedule, properties.afterCrm() ? "crm" : null);
	}

	@Override
	public SyncResource resource() {
		return resource;
	}

	@Override
	public PullResult pull(PullRun run) {
		return feeds.pull(run, LISTS);
	}
}
