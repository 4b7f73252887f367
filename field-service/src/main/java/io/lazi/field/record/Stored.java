package io.lazi.field.record;

import java.time.Instant;

/**
 * A record as a read returns it: its ServiceTitan-shaped payload and where it comes from.
 *
 * @param <T> the payload type, {@link Kind#type()}
 * @param updatedAt when this copy last changed here
 */
public record Stored<T>(Source source, long id, T record, Instant updatedAt) {
}
