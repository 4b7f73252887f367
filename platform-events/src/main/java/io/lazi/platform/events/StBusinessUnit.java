package io.lazi.platform.events;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A ServiceTitan business unit ({@code GET /settings/v2/tenant/{tenant}/business-units}); its
 * {@code name} (e.g. {@code Pool - Install}) decides the CRM pipeline.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StBusinessUnit(long id, boolean active, String name, @Nullable String officialName,
		@Nullable Instant modifiedOn) {
}
