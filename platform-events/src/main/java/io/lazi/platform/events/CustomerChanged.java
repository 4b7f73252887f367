package io.lazi.platform.events;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@link Events#FIELD_CUSTOMER_CHANGED} on {@link Topics#FIELD_CHANGED}: a customer as field-service
 * serves it after a change, from ServiceTitan's mirror or Lazi's own records. Key {@code {tenantId}:{customerId}}.
 * Browsers receive it as {@code customers:updated}.
 *
 * @param customerId the id the API serves it under (ServiceTitan's id for a record that came from there)
 * @param source {@code servicetitan} (the mirror) or {@code lazi} (a Lazi-owned record)
 * @param change {@code created}, {@code updated} or {@code deleted}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomerChanged(String tenantId, long customerId, String source, String change, String name,
		@Nullable String type, @Nullable StAddress address, boolean active, @Nullable Instant modifiedOn,
		Instant changedAt) implements TenantPayload {
}
