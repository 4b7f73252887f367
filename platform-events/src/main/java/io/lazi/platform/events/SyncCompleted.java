package io.lazi.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@link Events#SYNC_COMPLETED} on {@link Topics#SYNC_EVENTS}, published after every
 * record of the run has been published on its raw topic.
 *
 * @param durationMs wall time of the run in milliseconds
 * @param recordsPublishedMs milliseconds from the start until every record fetched had been published, before
 *        the work that follows them: for a categories run, the whole tree before its by-id image fetches; equal
 *        to {@code durationMs} for other resources (absent in events published before the field existed)
 * @param rootCount root categories published
 * @param subcategoryCount subcategories contained in them
 * @param imagesFetched subcategory images fetched by id
 * @param stCalls ServiceTitan API calls made by the run (token requests excluded)
 * @param rateLimited ServiceTitan 429 answers received during the run
 * @param rootStIds for a full run, every root seen: roots absent from it are gone from ServiceTitan;
 *        empty for an incremental run
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SyncCompleted(String tenantId, UUID syncRunId, String resource, SyncType syncType, Instant startedAt,
		Instant finishedAt, long durationMs, @Nullable Long recordsPublishedMs, int rootCount, int subcategoryCount, int imagesFetched, int stCalls,
		int rateLimited, List<Long> rootStIds) implements TenantPayload {
}
