package io.lazi.field.mirror;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.field.change.Announcements;
import io.lazi.field.provider.Providers;
import io.lazi.field.record.Domain;
import io.lazi.field.record.Kind;
import io.lazi.field.record.Provider;
import io.lazi.field.record.RecordStore;
import io.lazi.field.record.RecordStore.Change;
import io.lazi.field.record.Row;
import io.lazi.field.record.Rows;
import io.lazi.field.record.Source;
import io.lazi.platform.events.EventType;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.StCustomer;
import io.lazi.platform.events.StJob;
import io.lazi.platform.events.StRecordFetched;
import io.lazi.platform.kafka.ConsumedMessages;
import io.lazi.platform.kafka.ReceivedEvent;
import io.lazi.platform.observability.TenantLogContext;

/**
 * Applies ServiceTitan records to the mirror, each event exactly once ({@link ConsumedMessages#acceptAll}), a batch
 * per transaction, and announces the customers and jobs that changed (created, updated, status changed,
 * technicians assigned or unassigned) where the tenant's provider shows the mirror's record: not under
 * {@code lazi}, and under {@code hybrid} only where no Lazi-owned record of the same id wins. Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class MirrorIngest {

	/** Consumer name under which applied event ids are recorded. */
	public static final String CONSUMER = "field-service";

	private static final Map<EventType<?>, Kind> KINDS = Map.ofEntries(Map.entry(Events.CUSTOMER_FETCHED, Kind.CUSTOMER),
			Map.entry(Events.LOCATION_FETCHED, Kind.LOCATION), Map.entry(Events.JOB_FETCHED, Kind.JOB),
			Map.entry(Events.JOB_HISTORY_FETCHED, Kind.JOB_HISTORY), Map.entry(Events.APPOINTMENT_FETCHED, Kind.APPOINTMENT),
			Map.entry(Events.APPOINTMENT_ASSIGNMENT_FETCHED, Kind.ASSIGNMENT),
			Map.entry(Events.ESTIMATE_FETCHED, Kind.ESTIMATE), Map.entry(Events.TECHNICIAN_FETCHED, Kind.TECHNICIAN),
			Map.entry(Events.TEAM_FETCHED, Kind.TEAM), Map.entry(Events.ZONE_FETCHED, Kind.ZONE),
			Map.entry(Events.TECHNICIAN_SHIFT_FETCHED, Kind.SHIFT),
			Map.entry(Events.JOB_CANCEL_REASON_FETCHED, Kind.CANCEL_REASON),
			Map.entry(Events.JOB_HOLD_REASON_FETCHED, Kind.HOLD_REASON), Map.entry(Events.LEAD_FETCHED, Kind.LEAD),
			Map.entry(Events.BOOKING_FETCHED, Kind.BOOKING), Map.entry(Events.BUSINESS_UNIT_FETCHED, Kind.BUSINESS_UNIT));

	private final ConsumedMessages consumed;

	private final RecordStore records;

	private final Providers providers;

	private final Announcements announcements;

	private final Clock clock = Clock.systemUTC();

	/**
	 * Applies one fetched record in its own transaction; a re-delivered event changes nothing.
	 *
	 * @throws IllegalArgumentException when the event can never be applied
	 */
	@Transactional
	public void applyOne(ReceivedEvent<?> event) {
		applyAll(List.of(event));
	}

	/**
	 * Applies fetched records of any tenants in one transaction; re-delivered events change nothing.
	 *
	 * @throws IllegalArgumentException when an event can never be applied (another payload, missing fields, tenant
	 *         mismatch); nothing is applied then
	 */
	@Transactional
	public void applyAll(List<? extends ReceivedEvent<?>> events) {

		var rows = new LinkedHashMap<String, List<Row>>();
		for (var event : events) {
			var kind = KINDS.get(event.type());
			if (kind == null || !(event.payload() instanceof StRecordFetched<?>)) {
				throw new IllegalArgumentException("Event " + event.id() + " of type " + event.type() + " is no record the mirror keeps");
			}
		}
		for (var event : consumed.acceptAll(events, CONSUMER)) {
			var fetched = (StRecordFetched<?>) event.payload();
			rows.computeIfAbsent(event.tenantId(), t -> new ArrayList<>()).add(Rows.of(KINDS.get(event.type()), fetched.record()));
		}
		var now = clock.instant();
		rows.forEach((tenant, ofTenant) -> {
			try (var log = TenantLogContext.open(tenant)) {
				apply(tenant, ofTenant, now);
			}
		});
	}

	/**
	 * Applies ServiceTitan's records of one tenant (e.g. from a command's answer) in the caller's transaction and
	 * announces what changed.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void apply(String tenant, List<Row> rows, Instant now) {

		if (rows.isEmpty()) {
			return;
		}
		var changes = records.upsertMirror(tenant, rows, now);
		var customers = providers.of(tenant, Domain.CUSTOMERS);
		var jobs = providers.of(tenant, Domain.JOBS);
		var assigned = new LinkedHashSet<Long>();
		for (var change : changes) {
			var row = change.row();
			switch (row.kind()) {
				case CUSTOMER -> {
					if (shown(tenant, customers, Kind.CUSTOMER, row.id())) {
						announcements.customer(tenant, (StCustomer) row.payload(), Source.SERVICETITAN,
								change.before() == null ? "created" : "updated", now);
					}
				}
				case JOB -> {
					if (shown(tenant, jobs, Kind.JOB, row.id())) {
						announcements.job(tenant, (StJob) row.payload(), (StJob) change.before(), Source.SERVICETITAN,
								false, now);
					}
				}
				case ASSIGNMENT -> {
					if (row.jobId() != null) {
						assigned.add(row.jobId());
					}
				}
				default -> {
				}
			}
		}
		assigned.forEach(jobId -> announceAssignment(tenant, jobs, jobId, changes, now));
	}

	private void announceAssignment(String tenant, Provider jobs, long jobId, List<Change> changes, Instant now) {

		if (jobs == Provider.LAZI) {
			return;
		}
		records.find(tenant, Kind.JOB, jobId, jobs, StJob.class)
			.filter(job -> job.source() == Source.SERVICETITAN)
			.ifPresent(job -> announcements.job(tenant, job.record(), job.record(), Source.SERVICETITAN, true, now));
	}

	private boolean shown(String tenant, Provider provider, Kind kind, long id) {

		return switch (provider) {
			case SERVICETITAN -> true;
			case LAZI -> false;
			case HYBRID -> records.find(tenant, kind, id, provider, Object.class)
				.map(stored -> stored.source() == Source.SERVICETITAN)
				.orElse(false);
		};
	}
}
