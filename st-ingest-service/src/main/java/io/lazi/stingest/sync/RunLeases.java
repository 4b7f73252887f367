package io.lazi.stingest.sync;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.lazi.stingest.sync.persistence.SyncRunRepository;

/**
 * The leases of the runs this instance pulls. Each running run's row names its owner and when its lease
 * expires (by the database's clock, so instances' clocks never disagree about it). The owner renews the
 * leases of the runs it is pulling every {@code renew-every}; a run whose renewal finds it no longer the
 * owner's (another instance took it over after the lease expired, e.g. while this one was paused or cut off
 * from the database) has its pull interrupted and records nothing more. Thread-safe.
 */
@Component
class RunLeases {

	private static final Logger LOG = LoggerFactory.getLogger(RunLeases.class);

	private final SyncRunRepository runs;

	private final RunOwner owner;

	private final ConcurrentMap<UUID, Lease> held = new ConcurrentHashMap<>();

	@Autowired
	RunLeases(SyncRunRepository runs, SyncProperties properties) {
		this(runs, uniqueName(properties.instanceId()), properties.lease().duration());
	}

	/** Leases of the instance {@code instanceId} (unique among the instances sharing the database). */
	RunLeases(SyncRunRepository runs, String instanceId, Duration duration) {
		this.runs = runs;
		this.owner = new RunOwner(instanceId, duration);
		LOG.info("Sync runs of this instance are owned by '{}' with a lease of {}", instanceId, duration);
	}

	/** {@code base} plus a random suffix, so that a restarted container (same pod name) is a new owner. */
	static String uniqueName(String base) {
		return base + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	RunOwner owner() {
		return owner;
	}

	/** Starts renewing the lease of a run this instance has just recorded as its own. */
	Lease hold(SyncRun run) {

		var lease = new Lease();
		held.put(run.id(), lease);
		return lease;
	}

	/** Stops renewing a run that ended. */
	void end(SyncRun run) {
		held.remove(run.id());
	}

	/**
	 * Gives a run this instance cannot finish (it is stopping) to the others: its lease expires now and it is
	 * marked handed over, so the next sweep of any instance restarts it without counting a lost instance.
	 */
	void handOver(SyncRun run) {

		held.remove(run.id());
		if (runs.handOver(owner.instanceId(), run.id())) {
			LOG.info("{} sync {} of tenant {} handed over to the other instances", run.resource(), run.id(),
					run.tenantId());
		}
	}

	/**
	 * Renews the lease of every run being pulled here for another {@code duration}, in one statement, and
	 * interrupts the pulls of those that are no longer this instance's.
	 *
	 * @return the runs found lost
	 */
	Set<UUID> renew() {

		if (held.isEmpty()) {
			return Set.of();
		}
		var ids = Set.copyOf(held.keySet());
		var lost = new HashSet<>(ids);
		lost.removeAll(runs.renewLeases(owner.instanceId(), ids, owner.lease()));
		for (var id : lost) {
			var lease = held.remove(id);
			// Absent: it ended between the snapshot and the renewal.
			if (lease != null && lease.lose()) {
				LOG.warn("Sync {} is no longer owned by '{}' (its lease expired and another instance took it over); "
						+ "stopping its pull", id, owner.instanceId());
			}
		}
		return lost;
	}

	/** The lease of one run being pulled here: who pulls it, and whether it was lost. */
	static final class Lease {

		private @Nullable Thread puller;

		private boolean pulling = true;

		private boolean lost;

		/** The pull runs on {@code thread}; interrupted at once if the run was lost already. */
		synchronized void pullOn(Thread thread) {

			puller = thread;
			if (lost) {
				thread.interrupt();
			}
		}

		/**
		 * The pull returned or threw; called on its thread. Clears an interrupt that came too late to stop
		 * it, so that what follows can still write.
		 *
		 * @return whether the run was lost: then nothing more may be recorded for it
		 */
		synchronized boolean pullEnded() {

			pulling = false;
			puller = null;
			Thread.interrupted();
			return lost;
		}

		/** Marks the run lost; interrupts its pull. @return whether its pull was still going */
		synchronized boolean lose() {

			lost = true;
			if (puller != null) {
				puller.interrupt();
			}
			return pulling;
		}
	}
}
