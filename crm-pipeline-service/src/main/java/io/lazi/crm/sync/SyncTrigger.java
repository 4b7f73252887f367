package io.lazi.crm.sync;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

import io.lazi.platform.events.access.InternalScope;
import io.lazi.platform.security.ServiceCredentials;
import io.lazi.platform.web.InternalCallException;
import io.lazi.platform.web.InternalClient;
import io.lazi.platform.web.Tenant;

/**
 * Asks st-ingest for a full CRM pull ({@code POST /internal/sync/crm/full}, with this service's
 * {@code internal:sync} token) for the tenant and logs the run as requested. Thread-safe.
 */
@Service
public class SyncTrigger {

	private final InternalClient stIngest;

	private final SyncLogWriter log;

	SyncTrigger(RestClient.Builder builder, SyncSettings settings, SyncLogWriter log, ServiceCredentials credentials) {
		this.stIngest = new InternalClient(builder, "st-ingest", settings.sync().stIngestUrl(), settings.sync().timeout(),
				credentials.forScope(InternalScope.SYNC));
		this.log = log;
	}

	/**
	 * Starts a full CRM sync of the tenant.
	 *
	 * @throws SyncAlreadyRunning when st-ingest already runs a CRM sync of the tenant (its 409)
	 * @throws StIngestUnavailable when st-ingest does not accept the request otherwise
	 */
	public Accepted trigger(Tenant tenant) {

		Accepted accepted;
		try {
			accepted = stIngest.post(tenant, Accepted.class, "/internal/sync/crm/full");
		}
		catch (InternalCallException ex) {
			if (ex.status().orElse(0) == HttpStatus.CONFLICT.value()) {
				var running = ex.problem()
					.map(problem -> problem.getProperties())
					.map(properties -> properties.get("syncRunId"));
				throw new SyncAlreadyRunning(tenant, running.map(Object::toString).orElse(null));
			}
			throw new StIngestUnavailable(ex.getMessage());
		}
		if (accepted == null || accepted.syncRunId() == null) {
			throw new StIngestUnavailable("st-ingest accepted the sync without a run id");
		}
		log.requested(tenant, accepted.syncRunId(), accepted.syncType() == null ? "FULL" : accepted.syncType());
		return accepted;
	}

	/** st-ingest's 202 answer. */
	public record Accepted(@Nullable UUID syncRunId, @Nullable String status, @Nullable String syncType,
			@Nullable String statusUrl) {
	}

	/** A CRM sync of the tenant is already running in st-ingest. */
	public static class SyncAlreadyRunning extends RuntimeException {

		private final @Nullable String syncRunId;

		SyncAlreadyRunning(Tenant tenant, @Nullable String syncRunId) {
			super("A CRM sync of tenant " + tenant.id() + " is already running" + (syncRunId == null ? "" : ": " + syncRunId));
			this.syncRunId = syncRunId;
		}

		/** The running run's id, when st-ingest named it. */
		public @Nullable String syncRunId() {
			return syncRunId;
		}
	}

	/** st-ingest refused or did not answer. */
	public static class StIngestUnavailable extends RuntimeException {

		StIngestUnavailable(String message) {
			super(message);
		}
	}
}
