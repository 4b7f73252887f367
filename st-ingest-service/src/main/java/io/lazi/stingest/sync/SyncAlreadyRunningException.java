package io.lazi.stingest.sync;

import java.util.UUID;

/** A sync of the resource is already running for the tenant; answers 409 naming it. */
public class SyncAlreadyRunningException extends RuntimeException {

	private final SyncResource resource;

	private final UUID runningRunId;

	SyncAlreadyRunningException(SyncResource resource, String tenantId, UUID runningRunId) {
		super("A " + resource.label() + " sync of tenant " + tenantId + " is already running: " + runningRunId);
		this.resource = resource;
		this.runningRunId = runningRunId;
	}

	public SyncResource resource() {
		return resource;
	}

	public UUID runningRunId() {
		return runningRunId;
	}
}
