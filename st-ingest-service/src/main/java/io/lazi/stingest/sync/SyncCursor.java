package io.lazi.stingest.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The incremental cursor of one tenant and list: the newest ServiceTitan {@code modifiedOn} received so far.
 * Only ServiceTitan's own timestamps move it, never the local clock, so clock skew between the two
 * cannot skip records. The next pull asks for {@code modifiedOnOrAfter = newest - overlap}: the filter
 * is inclusive and the overlap re-reads the recent past, so records sharing the newest timestamp, or
 * committed late by ServiceTitan with an earlier timestamp, are never lost (re-delivery is harmless).
 * Kept at microsecond precision, rounded down, which is what PostgreSQL stores.
 *
 * @param newestModifiedOn newest {@code modifiedOn} seen, or {@code null} before the first sync
 */
public record SyncCursor(@Nullable Instant newestModifiedOn) {

	public SyncCursor {
		newestModifiedOn = newestModifiedOn == null ? null : newestModifiedOn.truncatedTo(ChronoUnit.MICROS);
	}

	public static SyncCursor empty() {
		return new SyncCursor(null);
	}

	/** The {@code modifiedOnOrAfter} of the next incremental pull; empty before the first sync (pull everything). */
	public Optional<Instant> modifiedOnOrAfter(Duration overlap) {
		return Optional.ofNullable(newestModifiedOn).map(newest -> newest.minus(overlap));
	}

	/** This cursor after receiving a record modified at {@code modifiedOn}; never moves backward. */
	public SyncCursor advancedTo(@Nullable Instant modifiedOn) {

		if (modifiedOn == null) {
			return this;
		}
		var received = modifiedOn.truncatedTo(ChronoUnit.MICROS);
		return newestModifiedOn != null && !received.isAfter(newestModifiedOn) ? this : new SyncCursor(received);
	}
}
