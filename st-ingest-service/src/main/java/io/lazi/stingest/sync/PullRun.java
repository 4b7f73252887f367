package io.lazi.stingest.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;

import io.lazi.platform.events.SyncType;
import io.lazi.platform.web.Tenant;
import io.lazi.stingest.servicetitan.CallCounts;

/**
 * One run as its pull sees it: the run, the counter to pass to every ServiceTitan call, and the stored
 * cursors. Thread-safe.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public final class PullRun {

	private final SyncRun run;

	private final CallCounts counts;

	private final Function<String, SyncCursor> cursors;

	private final Duration overlap;

	private final Clock clock;

	public SyncRun run() {
		return run;
	}

	public Tenant tenant() {
		return run.tenant();
	}

	public CallCounts counts() {
		return counts;
	}

	/** The stored cursor {@code name} of the run's tenant (empty before its first run). */
	public SyncCursor cursor(String name) {
		return cursors.apply(name);
	}

	/**
	 * The {@code modifiedOnOrAfter} to send for cursor {@code name}: null on a full run and before the
	 * first run (pull everything), else the cursor minus the resource's overlap.
	 */
	public @Nullable Instant modifiedOnOrAfter(String name) {
		return modifiedOnOrAfter(cursor(name));
	}

	/** The {@code modifiedOnOrAfter} to send for a cursor already read with {@link #cursor(String)}. */
	public @Nullable Instant modifiedOnOrAfter(SyncCursor cursor) {
		return run.syncType() == SyncType.FULL ? null : cursor.modifiedOnOrAfter(overlap).orElse(null);
	}

	/** The time now, for {@code fetchedAt}. */
	public Instant now() {
		return clock.instant();
	}
}
