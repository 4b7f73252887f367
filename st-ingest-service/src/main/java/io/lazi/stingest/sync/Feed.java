package io.lazi.stingest.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;

import io.lazi.platform.events.EventType;
import io.lazi.platform.events.StRecordFetched;
import io.lazi.stingest.servicetitan.StPage;

/**
 * One ServiceTitan list a pull of lists reads ({@link Feeds}), and where its records go: each record as
 * {@code StRecordFetched} of the registered {@code type} (its topic, key {@code {tenantId}:{stId}} and {@code ce_type}).
 *
 * @param cursor key of the list's incremental cursor in {@code sync_cursor}
 * @param path list path with a {@code {tenant}} variable
 * @param activeAny whether the list takes {@code active=Any} (so deactivations arrive; jobs have no such filter)
 * @param query further query parameters sent with every page, e.g. {@code includeInactive=true} for a list whose
 *        filter of inactive records is not {@code active}
 * @param expansion what is added to each page before it is published (e.g. a customer's contacts)
 * @param companions records read for each record and published right after it, in its page's transaction
 *        (e.g. a job's history)
 */
public record Feed<T>(String cursor, String path, boolean activeAny, Map<String, Object> query,
		EventType<StRecordFetched<T>> type, ParameterizedTypeReference<StPage<T>> pageType, ToLongFunction<T> id,
		Function<T, @Nullable Instant> modifiedOn, Expansion<T> expansion, List<Companion<T, ?>> companions) {

	public Feed {
		query = Map.copyOf(query);
		companions = List.copyOf(companions);
	}

	/** A feed that publishes its pages as ServiceTitan lists them. */
	public static <T> Feed<T> of(String cursor, String path, boolean activeAny, EventType<StRecordFetched<T>> type,
			ParameterizedTypeReference<StPage<T>> pageType, ToLongFunction<T> id, Function<T, @Nullable Instant> modifiedOn) {
		return new Feed<>(cursor, path, activeAny, Map.of(), type, pageType, id, modifiedOn, (run, page) -> page, List.of());
	}

	/** This feed with each page passed through {@code expansion} before it is published. */
	public Feed<T> expandedBy(Expansion<T> expansion) {
		return new Feed<>(cursor, path, activeAny, query, type, pageType, id, modifiedOn, expansion, companions);
	}

	/** This feed sending {@code name=value} with every page as well. */
	public Feed<T> withQuery(String name, Object value) {

		var more = new LinkedHashMap<>(query);
		more.put(name, value);
		return new Feed<>(cursor, path, activeAny, more, type, pageType, id, modifiedOn, expansion, companions);
	}

	/** This feed with each published record followed by what {@code companion} reads for it. */
	public Feed<T> followedBy(Companion<T, ?> companion) {

		var more = new ArrayList<>(companions);
		more.add(companion);
		return new Feed<>(cursor, path, activeAny, query, type, pageType, id, modifiedOn, expansion, more);
	}

	/** Completes a page of records, e.g. with what a further ServiceTitan call returns. */
	@FunctionalInterface
	public interface Expansion<T> {

		/** The page to publish instead of {@code page}; calls made count in {@link PullRun#counts()}. */
		List<T> expand(PullRun run, List<T> page);
	}

	/**
	 * A record of another type read for each record of a feed (a further ServiceTitan call per record) and
	 * published right after it, as {@code StRecordFetched} of {@code type}, in the same transaction as its page.
	 *
	 * @param <T> the feed's records
	 * @param <R> the companion records
	 */
	public record Companion<T, R>(EventType<StRecordFetched<R>> type, ToLongFunction<R> id, Reader<T, R> reader) {
	}

	/** Reads the companion of one record. */
	@FunctionalInterface
	public interface Reader<T, R> {

		/** The companion of {@code record}, or empty when it has none (e.g. gone since it was listed). */
		Optional<R> read(PullRun run, T record);
	}
}
