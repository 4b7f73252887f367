package io.lazi.platform.events;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A ServiceTitan customer ({@code GET /crm/v2/tenant/{tenant}/customers}, {@code CustomerResponse})
 * with its contact methods, which ServiceTitan serves separately and st-ingest attaches here.
 *
 * @param type {@code Residential} or {@code Commercial}
 * @param contacts phones and emails from the customer's contacts endpoint, never null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StCustomer(long id, boolean active, String name, @Nullable String type, @Nullable StAddress address,
		List<StContact> contacts, @Nullable Long mergedToId, @Nullable Instant createdOn, @Nullable Instant modifiedOn) {
}
