package io.lazi.stingest.pricebook;

import java.util.UUID;

/** A pricebook sync of the tenant is already running; answers 409 naming it. */
public class SyncAlreadyRunningException extends RuntimeException {

	private final UUID runningRunId;

	SyncAlreadyRunningException(String tenantId, UUID runningRunId) {
		super("A pricebook sync of tenant " + tenantId + " is already running: " + runningRunId);
		this.runningRunId = runningRunId;
	}

	public UUID runningRunId() {
		return runningRunId;
	}
}
