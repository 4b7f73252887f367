package io.lazi.notification.fanout;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A position in the topics notification-service reads: for each topic partition, the offset of the next record
 * not covered yet. Offsets are the broker's, the same for every instance, so a cursor handed out by one
 * instance means the same to another whatever order each read the partitions in. Immutable.
 *
 * <p>Text form (the {@code cursor} of each WebSocket message, passed back as {@code ?cursor=}):
 * {@code <topic>/<partition>:<next offset>} joined by {@code ,}, sorted by partition, e.g.
 * {@code pricebook.changed/0:1842,sync.events/0:311}. Kafka topic names use no {@code / : ,}.
 *
 * @param next the next offset of each partition, by {@link #partition(String, int) partition name}
 */
public record Cursor(Map<String, Long> next) {

	/** The cursor that covers no partition. */
	public static final Cursor EMPTY = new Cursor(Map.of());

	public Cursor {
		next = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(next));
	}

	/** The name of a partition in a cursor: {@code <topic>/<partition>}. */
	public static String partition(String topic, int partition) {
		return topic + "/" + partition;
	}

	/** The cursor of {@code text}, or empty when it is not one (an event id an older client sends, say). */
	public static Optional<Cursor> parse(String text) {

		var next = new TreeMap<String, Long>();
		if (text.isEmpty()) {
			return Optional.of(EMPTY);
		}
		for (var part : text.split(",", -1)) {
			var colon = part.lastIndexOf(':');
			var slash = part.lastIndexOf('/', colon);
			if (colon < 0 || slash < 1) {
				return Optional.empty();
			}
			try {
				Integer.parseInt(part.substring(slash + 1, colon));
				var offset = Long.parseLong(part.substring(colon + 1));
				if (offset < 0 || next.put(part.substring(0, colon), offset) != null) {
					return Optional.empty();
				}
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
		}
		return Optional.of(new Cursor(next));
	}

	/** The next offset of {@code partition}, empty when this cursor does not cover it. */
	public OptionalLong next(String partition) {

		var offset = next.get(partition);
		return offset == null ? OptionalLong.empty() : OptionalLong.of(offset);
	}

	/** This cursor moved past the record at {@code offset} of {@code partition} (never back). */
	public Cursor past(String partition, long offset) {

		if (next(partition).orElse(-1) > offset) {
			return this;
		}
		var moved = new TreeMap<>(next);
		moved.put(partition, offset + 1);
		return new Cursor(moved);
	}

	/** The furthest of the two positions, partition by partition. */
	public Cursor max(Cursor other) {

		if (covers(other)) {
			return this;
		}
		var max = new TreeMap<>(next);
		other.next.forEach((partition, offset) -> max.merge(partition, offset, Math::max));
		return new Cursor(max);
	}

	/** Whether this cursor is at or past {@code other} on every partition {@code other} covers. */
	public boolean covers(Cursor other) {
		return other.next.entrySet().stream().allMatch(e -> next(e.getKey()).orElse(-1) >= e.getValue());
	}

	/** The text form. */
	public String text() {
		return next.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
	}
}
