/**
 * Syncs of ServiceTitan resources, written once for all of them: runs (full or incremental, on demand,
 * on cron schedules fired on one instance, or after another resource's run; at most one running per tenant
 * and resource across instances; each running run owned under a lease by the instance pulling it, and taken
 * over by another once the lease expires), the incremental cursors with their overlap window,
 * the run ledger ({@code sync_run}), the {@code sync.events} lifecycle ({@code SyncStarted}, then
 * {@code SyncCompleted} or {@code SyncFailed}, each committed through the outbox with its state change)
 * and the REST API {@code /api/sync/{apiPath}/full|incremental|status|runs/{id}|logs}.
 *
 * <p>A resource provides only its pull. To add one (say the dispatch technicians and zones):
 * <ol>
 * <li>a configuration entry: a {@code @ConfigurationProperties} record under {@code lazi.st-ingest.*}
 * with its {@code incremental-overlap} and, to run on crons, a schedule record implementing
 * {@link io.lazi.stingest.sync.SyncSchedule} ({@code enabled}, {@code full-cron},
 * {@code incremental-cron}), plus its lines in {@code application.yml};</li>
 * <li>a pull class: a Spring bean implementing {@link io.lazi.stingest.sync.ResourcePull} whose
 * {@code resource()} names the resource, its API path, its status cursor and the settings above. A
 * resource made of ServiceTitan lists declares one {@link io.lazi.stingest.sync.Feed} per list and
 * delegates {@code pull} to {@link io.lazi.stingest.sync.Feeds}.</li>
 * </ol>
 * Nothing else changes: the REST API, the schedules, the cursors and the lifecycle events follow.
 */
@NullMarked
package io.lazi.stingest.sync;

import org.jspecify.annotations.NullMarked;
