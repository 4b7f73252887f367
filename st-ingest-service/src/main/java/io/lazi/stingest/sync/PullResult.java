package io.lazi.stingest.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a pull published. Pulls of flat lists report their records in {@code rootCount} and 0 in the
 * category counts.
 *
 * @param rootStIds every root published, in the order ServiceTitan listed them (category pulls; empty
 * otherwise); a full run's {@code SyncCompleted} carries them
 * @param newest the newest {@code modifiedOn} received, by cursor (cursors that received nothing absent)
 */
public record PullResult(int rootCount, int subcategoryCount, int imagesFetched, List<Long> rootStIds,
		Map<String, Instant> newest) {

	public PullResult {
		rootStIds = List.copyOf(rootStIds);
		newest = Map.copyOf(newest);
	}

	/** The result of a pull of flat lists: {@code records} published. */
	public static PullResult records(int records, Map<String, Instant> newest) {
		return new PullResult(records, 0, 0, List.of(), newest);
	}

	/** This result and {@code other} together: counts added, roots in order, the newer {@code modifiedOn} per cursor. */
	public PullResult plus(PullResult other) {

		var roots = new ArrayList<>(rootStIds);
		roots.addAll(other.rootStIds());
		var merged = new HashMap<>(newest);
		other.newest().forEach((cursor, instant) -> merged.merge(cursor, instant, (a, b) -> a.isAfter(b) ? a : b));
		return new PullResult(rootCount + other.rootCount(), subcategoryCount + other.subcategoryCount(),
				imagesFetched + other.imagesFetched(), roots, merged);
	}
}
