package io.lazi.field.record;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One record as the store writes it: its payload (a ServiceTitan record, {@link Kind#type()}) and the columns lists
 * filter on, taken from it by {@link Rows#of}.
 *
 * @param search lower-case text a {@code q} search matches, or null
 */
public record Row(Kind kind, long id, Object payload, boolean active, @Nullable Instant modifiedOn,
		@Nullable Long customerId, @Nullable Long locationId, @Nullable Long jobId, @Nullable Long appointmentId,
		@Nullable Long technicianId, @Nullable String search, @Nullable Instant startsAt, @Nullable Instant endsAt) {
}
