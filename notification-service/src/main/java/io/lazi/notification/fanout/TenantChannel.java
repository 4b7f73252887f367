package io.lazi.notification.fanout;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import lombok.RequiredArgsConstructor;
import lombok.AccessLevel;
import org.jspecify.annotations.Nullable;

import reactor.core.Disposable;
import reactor.core.publisher.Sinks;

/**
 * The live stream and replay buffer of one tenant. Publishing and subscribing lock the channel, so
 * a new subscriber sees every frame exactly once: either in its replay or live, never both.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class TenantChannel {

	private final Sinks.Many<Message> live = Sinks.many().multicast().directBestEffort();

	private final ReplayBuffer replay;

	final AtomicInteger sessions = new AtomicInteger();

	synchronized void publish(String id, Message message) {

		replay.add(id, message);
		// Subscribers only ever buffer (see subscribe), so a failed emission means nobody listens.
		live.tryEmitNext(message);
	}

	/**
	 * Hands {@code onLive} every frame published from now on and returns the frames to replay first.
	 *
	 * @param lastEventId the last id the client saw, or {@code null} for a fresh start (no replay)
	 * @return the replay, or {@code null} when {@code lastEventId} is no longer held
	 */
	synchronized Subscription subscribe(@Nullable String lastEventId, Consumer<Message> onLive) {

		var frames = lastEventId == null ? List.<Message>of() : replay.after(lastEventId).orElse(null);
		var all = frames == null ? replay.all() : frames;
		var disposable = live.asFlux().subscribe(onLive);
		return new Subscription(frames != null, all, disposable);
	}

	/**
	 * @param resumed whether the replay continues exactly after the client's last event
	 * @param replay frames to send before the live ones
	 * @param live cancels the live feed
	 */
	record Subscription(boolean resumed, List<Message> replay, Disposable live) {
	}
}
