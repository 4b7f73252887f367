package io.lazi.field.record;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a list keeps: every non-null part must match. Built from {@link #all()} with the withers.
 *
 * @param search words that must all occur (case-insensitively) in the record's search text
 * @param from records that end (or, without an end, start) at or after this instant
 * @param to records that start before this instant
 * @param activeOnly only active records
 * @param ids only records of these ids
 * @param appointmentIds only records of these appointments
 * @param attributes top-level fields of the ServiceTitan record that must equal these values (as text), e.g.
 *        {@code jobStatus=Hold}
 */
public record Filter(@Nullable Long customerId, @Nullable Long locationId, @Nullable Long jobId,
		@Nullable Long appointmentId, @Nullable Long technicianId, @Nullable String search, @Nullable Instant from,
		@Nullable Instant to, boolean activeOnly, @Nullable Collection<Long> ids,
		@Nullable Collection<Long> appointmentIds, Map<String, String> attributes) {

	/** Everything, inactive records included. */
	public static Filter all() {
		return new Filter(null, null, null, null, null, null, null, null, false, null, null, Map.of());
	}

	public Filter customer(@Nullable Long id) {
		return new Filter(id, locationId, jobId, appointmentId, technicianId, search, from, to, activeOnly, ids,
				appointmentIds, attributes);
	}

	public Filter location(@Nullable Long id) {
		return new Filter(customerId, id, jobId, appointmentId, technicianId, search, from, to, activeOnly, ids,
				appointmentIds, attributes);
	}

	public Filter job(@Nullable Long id) {
		return new Filter(customerId, locationId, id, appointmentId, technicianId, search, from, to, activeOnly, ids,
				appointmentIds, attributes);
	}

	public Filter appointment(@Nullable Long id) {
		return new Filter(customerId, locationId, jobId, id, technicianId, search, from, to, activeOnly, ids,
				appointmentIds, attributes);
	}

	public Filter technician(@Nullable Long id) {
		return new Filter(customerId, locationId, jobId, appointmentId, id, search, from, to, activeOnly, ids,
				appointmentIds, attributes);
	}

	public Filter matching(@Nullable String words) {
		return new Filter(customerId, locationId, jobId, appointmentId, technicianId, words, from, to, activeOnly, ids,
				appointmentIds, attributes);
	}

	public Filter between(@Nullable Instant start, @Nullable Instant end) {
		return new Filter(customerId, locationId, jobId, appointmentId, technicianId, search, start, end, activeOnly, ids,
				appointmentIds, attributes);
	}

	public Filter active() {
		return new Filter(customerId, locationId, jobId, appointmentId, technicianId, search, from, to, true, ids,
				appointmentIds, attributes);
	}

	public Filter only(Collection<Long> some) {
		return new Filter(customerId, locationId, jobId, appointmentId, technicianId, search, from, to, activeOnly,
				List.copyOf(some), appointmentIds, attributes);
	}

	public Filter appointments(Collection<Long> some) {
		return new Filter(customerId, locationId, jobId, appointmentId, technicianId, search, from, to, activeOnly, ids,
				List.copyOf(some), attributes);
	}

	/** This filter, also requiring the record's field {@code name} to equal {@code value}; no change for a null value. */
	public Filter with(String name, @Nullable Object value) {

		if (value == null) {
			return this;
		}
		var more = new LinkedHashMap<>(attributes);
		more.put(name, value.toString());
		return new Filter(customerId, locationId, jobId, appointmentId, technicianId, search, from, to, activeOnly, ids,
				appointmentIds, Map.copyOf(more));
	}
}
