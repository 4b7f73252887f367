package io.lazi.stingest.sync;

import java.time.Instant;
import java.util.List;
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
 * @param expansion what is added to each page before it is published (e.g. a customer's contacts)
 */
public record Feed<T>(String cursor, String path, boolean activeAny, EventType<StRecordFetched<T>> type,
		ParameterizedTypeReference<StPage<T>> pageType, ToLongFunction<T> id, Function<T, @Nullable Instant> modifiedOn,
		Expansion<T> expansion) {

	/** A feed that publishes its pages as ServiceTitan lists them. */
	public static <T> Feed<T> of(String cursor, String path, boolean activeAny, EventType<StRecordFetched<T>> type,
			ParameterizedTypeReference<StPage<T>> pageType, ToLongFunction<T> id, Function<T, @Nullable Instant> modifiedOn) {
		return new Feed<>(cursor, path, activeAny, type, pageType, id, modifiedOn, (run, page) -> page);
	}

	/** This feed with each page passed through {@code expansion} before it is published. */
	public Feed<T> expandedBy(Expansion<T> expansion) {
		return new Feed<>(cursor, path, activeAny, type, pageType, id, modifiedOn, expansion);
	}

	/** Completes a page of records, e.g. with what a further ServiceTitan call returns. */
	@FunctionalInterface
	public interface Expansion<T> {

		/** The page to publish instead of {@code page}; calls made count in {@link PullRun#counts()}. */
		List<T> expand(PullRun run, List<T> page);
	}
}
