package io.lazi.crm.sync;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks st-ingest for a full CRM pull ({@code POST /api/sync/crm/full}) with the trusted tenant header
 * and logs the run as requested. Thread-safe.
 */
@Service
public class SyncTrigger {

	private final RestClient stIngest;

	private final SyncLogWriter log;

	SyncTrigger(RestClient.Builder builder, SyncSettings settings, SyncLogWriter log) {
		var requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(settings.sync().timeout());
		requests.setReadTimeout(settings.sync().timeout());
		this.stIngest = builder.baseUrl(settings.sync().stIngestUrl().toString()).requestFactory(requests).build();
		this.log = log;
	}

	/**
	 * Starts a full CRM sync of the tenant.
	 *
	 * @throws StIngestUnavailable when st-ingest does not accept the request
	 */
	public Accepted trigger(String tenantId) {

		Accepted accepted;
		try {
			accepted = stIngest.post()
				.uri("/api/sync/crm/full")
				.header("X-Tenant-ID", tenantId)
				.retrieve()
				.onStatus(HttpStatusCode::isError, (request, response) -> {
					throw new StIngestUnavailable("st-ingest answered " + response.getStatusCode().value());
				})
				.body(Accepted.class);
		}
		catch (RestClientException ex) {
			throw new StIngestUnavailable("st-ingest is unreachable: " + ex.getMessage());
		}
		if (accepted == null || accepted.syncRunId() == null) {
			throw new StIngestUnavailable("st-ingest accepted the sync without a run id");
		}
		log.requested(tenantId, accepted.syncRunId(), accepted.syncType() == null ? "FULL" : accepted.syncType());
		return accepted;
	}

	/** st-ingest's 202 answer. */
	public record Accepted(@Nullable UUID syncRunId, @Nullable String status, @Nullable String syncType,
			@Nullable String statusUrl) {
	}

	/** st-ingest refused or did not answer. */
	public static class StIngestUnavailable extends RuntimeException {

		StIngestUnavailable(String message) {
			super(message);
		}
	}
}
