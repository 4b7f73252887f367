package io.lazi.platform.events;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A ServiceTitan dispatch team ({@code GET /dispatch/v2/tenant/{tenant}/teams}, {@code Dispatch.V2.TeamResponse}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StTeam(long id, @Nullable String name, boolean active, @Nullable Instant createdOn,
		@Nullable Instant modifiedOn) {
}
