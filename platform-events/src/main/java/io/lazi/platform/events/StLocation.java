package io.lazi.platform.events;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A ServiceTitan location, where work is done for a customer ({@code GET /crm/v2/tenant/{tenant}/locations},
 * {@code Crm.V2.Locations.LocationResponse}); field names are ServiceTitan's.
 *
 * @param customerId the customer the location belongs to
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StLocation(long id, long customerId, boolean active, @Nullable String name, @Nullable StAddress address,
		@Nullable Instant createdOn, @Nullable Instant modifiedOn) {
}
