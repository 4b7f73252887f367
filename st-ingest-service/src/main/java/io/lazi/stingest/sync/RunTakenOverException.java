package io.lazi.stingest.sync;

/**
 * A run's end could not be recorded because the run is no longer running as this instance's: another
 * instance took it over after its lease expired. The transaction that tried rolls back.
 */
class RunTakenOverException extends RuntimeException {

	RunTakenOverException(SyncRun run, RunOwner owner) {
		super(run.resource() + " sync " + run.id() + " of tenant " + run.tenantId() + " is no longer owned by "
				+ owner.instanceId());
	}
}
