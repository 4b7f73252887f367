package io.lazi.pricebook.category.sync.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * How far applying one sync run has come.
 *
 * @param rootsApplied distinct roots of the run applied so far
 * @param expectedRoots roots the run published, known once its completion event arrived
 * @param rootStIds every root of a full run; {@code null} for an incremental run or before completion
 * @param completedAt when the completion event was applied
 * @param syncedPublished whether {@code CategoriesSynced} has been published for it
 */
public record SyncRun(String tenantId, UUID syncRunId, int rootsApplied, ChangeTally tally, @Nullable Integer expectedRoots,
		@Nullable List<Long> rootStIds, @Nullable Instant completedAt, boolean syncedPublished) {

	/** Completion has arrived, all its roots are applied and nothing has been published yet. */
	boolean readyToPublish() {
		return completedAt != null && expectedRoots != null && rootsApplied >= expectedRoots && !syncedPublished;
	}
}
