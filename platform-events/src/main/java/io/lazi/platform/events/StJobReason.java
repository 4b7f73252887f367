package io.lazi.platform.events;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A reason a job can be canceled ({@code GET /jpm/v2/tenant/{tenant}/job-cancel-reasons}) or put on hold
 * ({@code GET /jpm/v2/tenant/{tenant}/job-hold-reasons}); which list it comes from is its event type.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StJobReason(long id, String name, boolean active, @Nullable Instant createdOn,
		@Nullable Instant modifiedOn) {
}
