package io.lazi.notification.fanout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The most recent notifications of one tenant, bounded by count and age, in the order this instance read them,
 * and from where on it still holds all of them: per partition, the offset after the newest one it let go. Not
 * thread-safe: its {@link TenantChannel} guards it.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class ReplayBuffer {

	private final ArrayDeque<Entry> entries = new ArrayDeque<>();

	private final int maxSize;

	private final Duration window;

	private final Clock clock;

	/** Per partition, the offset after the newest notification evicted. */
	private Cursor evicted = Cursor.EMPTY;

	void add(Published published) {

		entries.addLast(new Entry(published, clock.instant()));
		while (entries.size() > maxSize) {
			evict();
		}
		evictExpired();
	}

	/**
	 * What a client at {@code from} has not seen, in this instance's order: every held notification at or past
	 * {@code from} on its partition. Empty when that may not be all of it: when {@code from} is behind
	 * {@code complete} (from where on the instance read every record) or behind a notification already evicted,
	 * or does not cover a partition the instance reads.
	 */
	Optional<List<Published>> after(Cursor from, Cursor complete) {

		evictExpired();
		var held = complete.max(evicted);
		if (!from.covers(held) || !held.next().keySet().containsAll(from.next().keySet())) {
			return Optional.empty();
		}
		return Optional.of(entries.stream()
			.map(Entry::published)
			.filter(p -> p.offset() >= from.next(p.partition()).orElseThrow())
			.toList());
	}

	private void evictExpired() {

		var oldest = clock.instant().minus(window);
		while (!entries.isEmpty() && entries.peekFirst().receivedAt().isBefore(oldest)) {
			evict();
		}
	}

	private void evict() {

		var gone = entries.removeFirst().published();
		evicted = evicted.past(gone.partition(), gone.offset());
	}

	private record Entry(Published published, Instant receivedAt) {
	}
}
