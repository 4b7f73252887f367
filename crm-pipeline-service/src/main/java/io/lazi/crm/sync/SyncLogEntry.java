package io.lazi.crm.sync;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One CRM sync run in the log.
 *
 * @param status {@code requested}, {@code running}, {@code completed} or {@code failed}
 * @param records raw records of the run applied so far
 * @param created opportunities the run created
 * @param updated opportunities the run moved (creations excluded)
 * @param failed records st-ingest published for the run that this service has not applied (yet)
 */
public record SyncLogEntry(UUID syncRunId, String syncType, String direction, String status, int records,
		int created, int updated, int failed, @Nullable Long durationMs, @Nullable String error, Instant startedAt,
		@Nullable Instant finishedAt) {
}
