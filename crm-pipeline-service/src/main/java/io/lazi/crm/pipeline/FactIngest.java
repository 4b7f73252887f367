package io.lazi.crm.pipeline;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.events.EventType;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.StAppointment;
import io.lazi.platform.events.StBusinessUnit;
import io.lazi.platform.events.StCustomer;
import io.lazi.platform.events.StEstimate;
import io.lazi.platform.events.StJob;
import io.lazi.platform.events.StLocation;
import io.lazi.platform.events.StRecordFetched;
import io.lazi.platform.kafka.ConsumedMessages;
import io.lazi.platform.kafka.ReceivedEvent;
import io.lazi.platform.observability.TenantLogContext;

/**
 * Applies raw ServiceTitan records, each exactly once (checked and de-duplicated by
 * {@link ConsumedMessages#acceptAll}), a batch per transaction: stores the records as facts, set-based, then
 * re-derives once the opportunities of every customer they concern, with the stage moves and their
 * {@code crm.stage-moved} events. A customer whose job and estimate arrive in one batch therefore moves once, to
 * where the rules put it, not through each stage in between. Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class FactIngest {

	/** Consumer name under which applied event ids are recorded. */
	public static final String CONSUMER = "crm-pipeline-service";

	/** The raw record types the rules read; the stores of {@link FactRepository#storeAll}. */
	private static final Set<EventType<?>> READ = Set.of(Events.BUSINESS_UNIT_FETCHED, Events.CUSTOMER_FETCHED,
			Events.LOCATION_FETCHED, Events.JOB_FETCHED, Events.APPOINTMENT_FETCHED, Events.ESTIMATE_FETCHED);

	private final ConsumedMessages consumed;

	private final FactRepository facts;

	private final PipelineEngine engine;

	private final OpportunityRepository opportunities;

	private final SyncTallies tallies;

	private final ApplicationEventPublisher publisher;

	/**
	 * Applies one fetched record; a re-delivered event changes nothing.
	 *
	 * @throws IllegalArgumentException when the event can never be applied
	 * @see #applyAll
	 */
	@Transactional
	public void apply(ReceivedEvent<?> event) {
		applyAll(List.of(event));
	}

	/**
	 * Applies fetched records in one transaction; re-delivered events change nothing. Other raw records of the
	 * same topics that no rule reads (a job's history, {@link Events#JOB_HISTORY_FETCHED}, after each job on
	 * {@code st.raw.jobs}) are skipped: neither verified, stored nor marked consumed.
	 *
	 * @param events each a {@link StRecordFetched} of a {@link StCustomer}, {@link StLocation}, {@link StJob},
	 *        {@link StAppointment}, {@link StEstimate} or {@link StBusinessUnit}, of any tenants, or another
	 *        registered raw record, skipped
	 * @throws IllegalArgumentException when an event can never be applied (missing fields, tenant mismatch,
	 *         another payload); nothing is applied then
	 */
	@Transactional
	public void applyAll(List<? extends ReceivedEvent<?>> events) {

		events.forEach(FactIngest::check);
		var read = events.stream().filter(event -> READ.contains(event.type())).toList();
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		var byTenant = new LinkedHashMap<String, List<StRecordFetched<?>>>();
		for (var event : consumed.acceptAll(read, CONSUMER)) {
			byTenant.computeIfAbsent(event.tenantId(), t -> new ArrayList<>()).add((StRecordFetched<?>) event.payload());
		}
		// Facts first, for every tenant; then every customer's lock in one sorted statement, so that two
		// batches touching the same customers cannot wait on each other.
		var concerned = new LinkedHashMap<String, Map<UUID, Set<Long>>>();
		var recordsPerRun = new LinkedHashMap<String, Map<UUID, Integer>>();
		byTenant.forEach((tenantId, fetched) -> {
			try (var log = TenantLogContext.open(tenantId)) {
				var customers = facts.storeAll(tenantId, fetched.stream().map(StRecordFetched::record).toList(), now);
				var runOfCustomer = new LinkedHashMap<Long, UUID>();
				var runs = new LinkedHashMap<UUID, Integer>();
				for (var i = 0; i < fetched.size(); i++) {
					var run = fetched.get(i).syncRunId();
					runs.merge(run, 1, Integer::sum);
					customers.get(i).forEach(customer -> runOfCustomer.put(customer, run)); // the last record's run
				}
				var byRun = new LinkedHashMap<UUID, Set<Long>>();
				runOfCustomer.forEach((customer, run) -> byRun.computeIfAbsent(run, r -> new TreeSet<>()).add(customer));
				concerned.put(tenantId, byRun);
				recordsPerRun.put(tenantId, runs);
			}
		});
		var allCustomers = new LinkedHashMap<String, Set<Long>>();
		concerned.forEach((tenantId, byRun) -> byRun.values()
			.forEach(ids -> allCustomers.computeIfAbsent(tenantId, t -> new TreeSet<>()).addAll(ids)));
		opportunities.lockCustomers(allCustomers);
		allCustomers.forEach((tenantId, ids) -> publisher.publishEvent(new CustomersApplied(tenantId, ids, now)));
		recordsPerRun.forEach((tenantId, runs) -> {
			try (var log = TenantLogContext.open(tenantId)) {
				var byRun = concerned.get(tenantId);
				runs.forEach((run, records) -> tallies.add(tenantId, run, records,
						engine.rederive(tenantId, byRun.getOrDefault(run, Set.of()), now)));
			}
		});
	}

	private static void check(ReceivedEvent<?> event) {
		if (!(event.payload() instanceof StRecordFetched<?>)) {
			throw new IllegalArgumentException("Event " + event.id() + " of type " + event.type() + " is no raw record");
		}
	}
}
