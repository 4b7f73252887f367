package io.lazi.stsimulator.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import io.lazi.stsimulator.crm.CrmCatalog;
import io.lazi.stsimulator.crm.CrmSeeded;
import io.lazi.stsimulator.crm.CrmTenantReplaced;
import io.lazi.stsimulator.dispatch.seed.CrewSeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The field crew of every simulated tenant, held in memory as immutable {@link TenantCrew} snapshots swapped
 * atomically on write. Seeded from {@link CrewSeed} relative to the CRM's seed instant and from the CRM's seeded
 * appointments; seeded again whenever the CRM is ({@link CrmSeeded}). A tenant whose CRM data is replaced by a
 * synthetic one ({@link CrmTenantReplaced}) keeps its crew but loses its assignments, whose appointment ids now
 * name other appointments or none.
 */
@Component
public class CrewCatalog {

	private static final Logger LOG = LoggerFactory.getLogger(CrewCatalog.class);

	private final CrmCatalog crm;

	private final Clock clock;

	private final Map<Long, TenantCrew> tenants = new ConcurrentHashMap<>();

	CrewCatalog(CrmCatalog crm, Clock clock) {

		this.crm = crm;
		this.clock = clock;
		seed();
	}

	/** The tenant's current crew; empty for a tenant without one. */
	public TenantCrew tenant(long tenant) {
		return tenants.getOrDefault(tenant, TenantCrew.EMPTY);
	}

	/**
	 * Applies a write atomically to the tenant's crew (a tenant without one: an empty crew), with the clock's instant
	 * to stamp; a write that throws changes nothing.
	 *
	 * @return the write's answer
	 */
	public AssignmentWrites.Written write(long tenant, BiFunction<TenantCrew, Instant, AssignmentWrites.Written> write) {

		var result = new AtomicReference<AssignmentWrites.Written>();
		tenants.compute(tenant, (key, crew) -> {
			var written = write.apply(crew == null ? TenantCrew.EMPTY : crew, clock.instant());
			result.set(written);
			return written.crew();
		});
		return result.get();
	}

	@EventListener
	void crmSeeded(CrmSeeded event) {
		seed();
	}

	@EventListener
	void crmReplaced(CrmTenantReplaced event) {
		tenants.computeIfPresent(event.tenant(), (tenant, crew) -> crew.withoutAssignments());
	}

	private void seed() {

		var seeded = CrewSeed.generate(crm.seededAt(), crm::tenant);
		tenants.clear();
		tenants.putAll(seeded);
		LOG.info("Seeded the field crew relative to {}: {}", crm.seededAt(), seeded.entrySet().stream()
			.map(entry -> entry.getKey() + "=" + entry.getValue().technicians().size() + " technicians/"
					+ entry.getValue().assignments().size() + " assignments")
			.toList());
	}
}
