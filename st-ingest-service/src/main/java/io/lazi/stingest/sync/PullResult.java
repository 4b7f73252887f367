package io.lazi.stingest.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a pull published. Pulls of flat lists report their records in {@code rootCount} and 0 in the
 * category counts.
 *
 * @param rootStIds every root published, in the order ServiceTitan listed them (category pulls; empty
 * otherwise); a full run's {@code SyncCompleted} carries them
 * @param newest the newest {@code modifiedOn} received, by cursor (cursors that received nothing absent)
 * @param recordsPublishedAt when every record fetched had gone out, before work that follows them (a categories
 *        pull's by-id image fetches); null when that is the end of the pull
 */
public record PullResult(int rootCount, int subcategoryCount, int imagesFetched, List<Long> rootStIds,
		Map<String, Instant> newest, @Nullable Instant recordsPublishedAt) {

	public PullResult {
		rootStIds = List.copyOf(rootStIds);
		newest = Map.copyOf(newest);
	}

	/** The result of a pull of flat lists: {@code records} published. */
	public static PullResult records(int records, Map<String, Instant> newest) {
		return new PullResult(records, 0, 0, List.of(), newest, null);
	}

	/**
	 * This result and {@code other} together: counts added, roots in order, the newer {@code modifiedOn} per
	 * cursor, the later {@code recordsPublishedAt}.
	 */
	public PullResult plus(PullResult other) {

		var roots = new ArrayList<>(rootStIds);
		roots.addAll(other.rootStIds());
		var merged = new HashMap<>(newest);
		other.newest().forEach((cursor, instant) -> merged.merge(cursor, instant, (a, b) -> a.isAfter(b) ? a : b));
		return new PullResult(rootCount + other.rootCount(), subcategoryCount + other.subcategoryCount(),
				imagesFetched + other.imagesFetched(), roots, merged, later(recordsPublishedAt, other.recordsPublishedAt()));
	}

	private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
		return a == null || b != null && b.isAfter(a) ? b : a;
	}
}
