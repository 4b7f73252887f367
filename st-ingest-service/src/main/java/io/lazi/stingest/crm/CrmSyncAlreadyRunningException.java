package io.lazi.stingest.crm;

import java.util.UUID;

/** A CRM sync of the tenant is already running; answers 409 naming it. */
public class CrmSyncAlreadyRunningException extends RuntimeException {

	private final UUID runningRunId;

	CrmSyncAlreadyRunningException(String tenantId, UUID runningRunId) {
		super("A CRM sync of tenant " + tenantId + " is already running: " + runningRunId);
		this.runningRunId = runningRunId;
	}

	public UUID runningRunId() {
		return runningRunId;
	}
}
