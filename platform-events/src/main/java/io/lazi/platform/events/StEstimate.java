package io.lazi.platform.events;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A ServiceTitan estimate ({@code GET /sales/v2/tenant/{tenant}/estimates},
 * {@code Estimates.V2.EstimateResponse}). There is no total: the monetary value is
 * {@code subtotal + tax}.
 *
 * @param status {@code {value, name}}: Open = 0, Sold = 1, Dismissed = 2
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StEstimate(long id, @Nullable Long jobId, @Nullable Long customerId, @Nullable String name,
		@Nullable Status status, @Nullable BigDecimal subtotal, @Nullable BigDecimal tax, @Nullable Instant soldOn,
		boolean active, @Nullable Long businessUnitId, @Nullable String businessUnitName, @Nullable Instant createdOn,
		@Nullable Instant modifiedOn) {

	/** ServiceTitan's estimate status object. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Status(int value, String name) {
	}
}
