package io.lazi.platform.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of the {@code io.lazi.st.<resource>.fetched.v1} events on the {@code st.raw.<resource>}
 * topics (customers, locations, jobs, appointments, estimates, business units): one ServiceTitan record as
 * ServiceTitan returned it, plus fetch metadata. Key {@code {tenantId}:{stId}}.
 *
 * @param <T> {@link StCustomer}, {@link StLocation}, {@link StJob}, {@link StAppointment}, {@link StEstimate} or {@link StBusinessUnit}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StRecordFetched<T>(String tenantId, UUID syncRunId, SyncType syncType, Instant fetchedAt, T record)
		implements TenantPayload {
}
