package io.lazi.stingest.sync;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the st-ingest instances share the runs ({@code lazi.st-ingest.sync.*}).
 *
 * @param instanceId the base of this instance's name as owner of runs and schedule locks
 * ({@code LAZI_INSTANCE_ID}, else {@code HOSTNAME}, i.e. the pod name); a random suffix is added so that a
 * restarted container is a new owner
 * @param lease how a running run stays its owner's
 * @param scheduleLock how the instances agree on which one fires a scheduled tick
 */
@ConfigurationProperties("lazi.st-ingest.sync")
record SyncProperties(@DefaultValue("st-ingest-service") String instanceId, @DefaultValue Lease lease,
		@DefaultValue ScheduleLock scheduleLock) {

	SyncProperties {
		if (instanceId.isBlank()) {
			instanceId = "st-ingest-service";
		}
	}

	/**
	 * @param duration how long a run stays its owner's without a renewal; after that any instance takes it over
	 * @param renewEvery how often the owner renews the leases of its runs; well below {@code duration} (a third
	 * by default) so that one slow renewal loses nothing
	 * @param sweepEvery how often each instance looks for runs whose lease expired (and once at start-up)
	 */
	record Lease(@DefaultValue("30s") Duration duration, @DefaultValue("10s") Duration renewEvery,
			@DefaultValue("10s") Duration sweepEvery) {

		Lease {
			if (!positive(duration) || !positive(renewEvery) || !positive(sweepEvery)) {
				throw new IllegalArgumentException("lazi.st-ingest.sync.lease durations must be positive");
			}
			if (renewEvery.compareTo(duration) >= 0) {
				throw new IllegalArgumentException("lazi.st-ingest.sync.lease.renew-every (" + renewEvery
						+ ") must be shorter than lease.duration (" + duration + ")");
			}
		}
	}

	/**
	 * @param atLeastFor how long a fired tick keeps its lock, so that an instance whose clock is behind by
	 * less than this skips the same tick; shorter than the shortest interval between two ticks
	 * @param atMostFor how long a lock outlives an instance that died while firing
	 */
	record ScheduleLock(@DefaultValue("30s") Duration atLeastFor, @DefaultValue("10m") Duration atMostFor) {

		ScheduleLock {
			if (!positive(atLeastFor) || atMostFor.compareTo(atLeastFor) < 0) {
				throw new IllegalArgumentException(
						"lazi.st-ingest.sync.schedule-lock needs 0 < at-least-for <= at-most-for");
			}
		}
	}

	private static boolean positive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}
}
