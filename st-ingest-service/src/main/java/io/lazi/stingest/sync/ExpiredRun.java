package io.lazi.stingest.sync;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A run still marked running whose lease has expired: its owner stopped renewing it (crashed, killed,
 * cut off from the database, or stopped and handed it over).
 *
 * @param owner the instance that held it; null for a run started before runs had owners
 * @param leaseExpiresAt when its lease ended; null for a run started before runs had owners
 * @param handedOver whether its owner released it at shutdown (rather than being lost)
 * @param lostOwners instances lost without a hand-over in its lineage so far (a restart after a crash counts one)
 */
public record ExpiredRun(SyncRun run, @Nullable String owner, @Nullable Instant leaseExpiresAt, boolean handedOver,
		int lostOwners) {

	/** The lost owners of a run restarting this one: one more unless it was handed over. */
	int lostOwnersAfter() {
		return handedOver ? lostOwners : lostOwners + 1;
	}

	/** Why the run ends, for its {@code error}. */
	String reason() {

		var who = owner == null ? "an st-ingest-service instance of an earlier version" : "instance " + owner;
		return handedOver ? "Interrupted: " + who + " stopped and handed the run over"
				: "Interrupted: " + who + " stopped renewing its lease"
						+ (leaseExpiresAt == null ? "" : " (expired " + leaseExpiresAt + ")");
	}
}
