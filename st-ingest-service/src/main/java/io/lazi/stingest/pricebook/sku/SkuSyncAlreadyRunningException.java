package io.lazi.stingest.pricebook.sku;

import java.util.UUID;

/** A SKU sync of the tenant is already running; answers 409 naming it. */
public class SkuSyncAlreadyRunningException extends RuntimeException {

	private final UUID runningRunId;

	SkuSyncAlreadyRunningException(String tenantId, UUID runningRunId) {
		super("A SKU sync of tenant " + tenantId + " is already running: " + runningRunId);
		this.runningRunId = runningRunId;
	}

	public UUID runningRunId() {
		return runningRunId;
	}
}
