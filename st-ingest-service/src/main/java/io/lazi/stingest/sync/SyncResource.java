package io.lazi.stingest.sync;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What the sync feature needs to know of one resource besides its pull.
 *
 * @param name the resource in {@code sync_run} and in the {@code sync.events} payloads, e.g. {@code crm}
 * @param apiPath where its REST API lives below {@code /api/sync/}: one or two segments, e.g.
 * {@code pricebook/skus} (a second segment {@code runs} is taken by the run paths)
 * @param label how messages and logs name it, e.g. {@code SKU}
 * @param statusCursor the cursor (a key in {@code sync_cursor}) whose next {@code modifiedOnOrAfter} the
 * status shows
 * @param incrementalOverlap how far before a cursor an incremental pull starts reading again
 * @param schedule its cron schedules, or null when it runs only on demand and after {@code after}
 * @param after the resource whose every completed run starts a run of this one (same type and trigger),
 * or null
 */
public record SyncResource(String name, String apiPath, String label, String statusCursor, Duration incrementalOverlap,
		@Nullable SyncSchedule schedule, @Nullable String after) {
}
