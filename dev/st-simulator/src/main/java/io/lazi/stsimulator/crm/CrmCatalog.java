package io.lazi.stsimulator.crm;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.lazi.stsimulator.crm.seed.CrmSeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The CRM data of every simulated tenant, held in memory as immutable {@link TenantCrm} snapshots
 * swapped atomically on edit. Seeded at start from {@link CrmSeed} relative to the start instant (whole
 * seconds), so "the last 14 days" holds whenever the simulator runs; {@link #reset()} re-seeds relative
 * to the same instant. Edits stamp {@code modifiedOn} with the clock. A reset publishes {@link CrmSeeded}, an
 * installed tenant {@link CrmTenantReplaced}, so that data kept beside the CRM (the dispatch crew) follows.
 */
@Component
public class CrmCatalog {

	private static final Logger LOG = LoggerFactory.getLogger(CrmCatalog.class);

	private final Clock clock;

	private final Instant seededAt;

	private final Map<Long, TenantCrm> tenants = new ConcurrentHashMap<>();

	private final ApplicationEventPublisher events;

	CrmCatalog(Clock clock, ApplicationEventPublisher events) {

		this.clock = clock;
		this.events = events;
		this.seededAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		seed();
	}

	/** Replaces all CRM data by the seed data and publishes {@link CrmSeeded}. */
	public void reset() {

		seed();
		events.publishEvent(new CrmSeeded(seededAt));
	}

	/** The instant the seed data is relative to (whole seconds). */
	public Instant seededAt() {
		return seededAt;
	}

	private void seed() {

		var seeded = CrmSeed.generate(seededAt);
		tenants.keySet().retainAll(seeded.keySet());
		tenants.putAll(seeded);
		LOG.info("Seeded CRM data relative to {}: {}", seededAt, seeded.entrySet().stream()
			.map(entry -> entry.getKey() + "=" + entry.getValue().customers().size() + " customers/"
					+ entry.getValue().jobs().size() + " jobs")
			.toList());
	}

	/** Replaces the tenant's CRM data by {@code data} (a synthetic tenant); {@link #reset()} brings back the seed. */
	public void install(long tenant, TenantCrm data) {

		tenants.put(tenant, data);
		events.publishEvent(new CrmTenantReplaced(tenant));
	}

	/**
	 * Applies a write atomically to the tenant's snapshot (a tenant without data: an empty one), with the clock's
	 * instant to stamp; a write that throws changes nothing.
	 *
	 * @return the record the write answers
	 */
	public <T> T write(long tenant, BiFunction<TenantCrm, Instant, CrmWrites.Written<T>> write) {

		var result = new AtomicReference<T>();
		tenants.compute(tenant, (key, snapshot) -> {
			var written = write.apply(snapshot == null ? TenantCrm.EMPTY : snapshot, clock.instant());
			result.set(written.record());
			return written.snapshot();
		});
		return result.get();
	}

	/**
	 * Replaces the tenant's snapshot by {@code change} applied to it at once, with the clock's instant to stamp
	 * what it edits; a tenant without data gets {@code change} of an empty snapshot.
	 */
	public void change(long tenant, BiFunction<TenantCrm, Instant, TenantCrm> change) {
		tenants.compute(tenant, (key, snapshot) -> change.apply(snapshot == null ? TenantCrm.EMPTY : snapshot, clock.instant()));
	}

	/** The clock's instant, which {@link #change} stamps its edits with; synthetic data is relative to it. */
	public Instant now() {
		return clock.instant();
	}

	/** The tenant's current snapshot; empty for a tenant without data. */
	public TenantCrm tenant(long tenant) {
		return tenants.getOrDefault(tenant, TenantCrm.EMPTY);
	}

	/** Sells an estimate (status Sold, {@code soldOn} now); empty when the tenant has no such estimate. */
	public Optional<Estimate> sell(long tenant, long estimateId, long soldBy) {
		return editEstimate(tenant, estimateId, (estimate, now) -> estimate.sold(soldBy, now));
	}

	/** Dismisses an estimate; empty when the tenant has no such estimate. */
	public Optional<Estimate> dismiss(long tenant, long estimateId) {
		return editEstimate(tenant, estimateId, (estimate, now) -> estimate.dismissed(now));
	}

	/** Sets a job's status as a user would, logged in its history; empty when the tenant has no such job. */
	public Optional<Job> setJobStatus(long tenant, long jobId, String jobStatus) {
		return edit(tenant, snapshot -> snapshot.job(jobId).map(job -> {
			var written = CrmWrites.setJobStatus(snapshot, jobId, jobStatus, clock.instant());
			return new Edited<>(written.record(), written.snapshot());
		}));
	}

	/**
	 * Edits a contact on its own, as a user changing a phone number in ServiceTitan: its {@code modifiedOn}
	 * moves, its customer's does not. Empty when the tenant has no such contact.
	 */
	public Optional<Contact> editContact(long tenant, long contactId, String value, @Nullable String memo) {
		return edit(tenant, snapshot -> snapshot.contact(contactId).map(contact -> {
			var edited = contact.edited(value, memo, clock.instant());
			return new Edited<>(edited, snapshot.withContact(edited));
		}));
	}

	/** Books a new appointment on a job; empty when the tenant has no such job. */
	public Optional<Appointment> book(long tenant, long jobId, Instant start) {
		return edit(tenant, snapshot -> snapshot.job(jobId).map(job -> {
			var now = clock.instant();
			var appointment = Appointment.scheduled(snapshot.maxId() + 1, job, start, now);
			return new Edited<>(appointment, snapshot.withAppointment(appointment, job.withAppointment(appointment.id(), now)));
		}));
	}

	private Optional<Estimate> editEstimate(long tenant, long estimateId, BiFunction<Estimate, Instant, Estimate> change) {
		return edit(tenant, snapshot -> snapshot.estimate(estimateId).map(estimate -> {
			var edited = change.apply(estimate, clock.instant());
			return new Edited<>(edited, snapshot.withEstimate(edited));
		}));
	}

	private <T> Optional<T> edit(long tenant, Function<TenantCrm, Optional<Edited<T>>> change) {

		var result = new AtomicReference<T>();
		tenants.computeIfPresent(tenant, (key, snapshot) -> change.apply(snapshot).map(edited -> {
			result.set(edited.record());
			return edited.snapshot();
		}).orElse(snapshot));
		return Optional.ofNullable(result.get());
	}

	private record Edited<T>(T record, TenantCrm snapshot) {
	}
}
