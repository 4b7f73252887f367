package io.lazi.notification.fanout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The most recent frames of one tenant, bounded by count and age, oldest first. Not thread-safe:
 * its {@link TenantChannel} guards it.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class ReplayBuffer {

	private final ArrayDeque<Entry> entries = new ArrayDeque<>();

	private final int maxSize;

	private final Duration window;

	private final Clock clock;

	void add(String id, Message message) {

		entries.addLast(new Entry(id, message, clock.instant()));
		while (entries.size() > maxSize) {
			entries.removeFirst();
		}
		evictExpired();
	}

	/** The frames after the one with {@code id}, or empty when {@code id} is no longer (or never was) held. */
	Optional<List<Message>> after(String id) {

		evictExpired();
		var frames = new ArrayList<Message>();
		var found = false;
		for (var entry : entries) {
			if (found) {
				frames.add(entry.message());
			}
			else if (entry.id().equals(id)) {
				found = true;
			}
		}
		return found ? Optional.of(frames) : Optional.empty();
	}

	List<Message> all() {

		evictExpired();
		return entries.stream().map(Entry::message).toList();
	}

	private void evictExpired() {

		var oldest = clock.instant().minus(window);
		while (!entries.isEmpty() && entries.peekFirst().receivedAt().isBefore(oldest)) {
			entries.removeFirst();
		}
	}

	private record Entry(String id, Message message, Instant receivedAt) {
	}
}
