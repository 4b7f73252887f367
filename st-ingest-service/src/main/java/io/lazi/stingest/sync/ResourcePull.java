package io.lazi.stingest.sync;

/**
 * The pull of one resource: the only part a resource writes itself. Implement it as a Spring bean; the
 * sync feature finds every such bean and gives it runs (one running per tenant), the cursors, the REST
 * API, the schedules and the {@code sync.events} lifecycle. Implementations are thread-safe: runs of
 * different tenants pull at the same time.
 */
public interface ResourcePull {

	/** The resource this pulls and its settings. */
	SyncResource resource();

	/**
	 * Pulls and publishes the records of one run, each page or root in its own transaction.
	 *
	 * @return the counts of the run and the newest {@code modifiedOn} received per cursor
	 * @throws InterruptedException when st-ingest shuts down during the run
	 * @throws RuntimeException when the run fails; what was published stays published
	 */
	PullResult pull(PullRun run) throws InterruptedException;

	/**
	 * Called inside the transaction that records the run's completion, for state that must change with
	 * it (e.g. forgetting records a full run no longer found). Does nothing by default.
	 */
	default void completing(SyncRun done, PullResult result) {
	}
}
