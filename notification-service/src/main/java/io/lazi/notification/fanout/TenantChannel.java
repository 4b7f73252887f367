package io.lazi.notification.fanout;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import reactor.core.Disposable;
import reactor.core.publisher.Sinks;

/**
 * The live stream and replay buffer of one tenant. Publishing and subscribing lock the channel, so
 * a new subscriber sees every notification exactly once: either in its replay or live, never both.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class TenantChannel {

	private final Sinks.Many<Published> live = Sinks.many().multicast().directBestEffort();

	private final ReplayBuffer replay;

	final AtomicInteger sessions = new AtomicInteger();

	synchronized void publish(Published published) {

		replay.add(published);
		// Subscribers only ever buffer (see subscribe), so a failed emission means nobody listens.
		live.tryEmitNext(published);
	}

	/**
	 * Hands {@code onLive} every notification published from now on and returns those to replay first.
	 *
	 * @param from the cursor the client resumes from, or {@code null} for a fresh start (no replay)
	 * @param complete from where on this instance read every record of each partition
	 */
	synchronized Subscription subscribe(Cursor from, Cursor complete, Consumer<Published> onLive) {

		var frames = replay.after(from, complete);
		var disposable = live.asFlux().subscribe(onLive);
		return new Subscription(frames.isPresent(), frames.orElse(List.of()), disposable);
	}

	/** A fresh subscription: live notifications only. */
	synchronized Subscription subscribe(Consumer<Published> onLive) {
		return new Subscription(true, List.of(), live.asFlux().subscribe(onLive));
	}

	/**
	 * @param resumed whether the replay holds everything the client has not seen (else it must resync)
	 * @param replay notifications to send before the live ones
	 * @param live cancels the live feed
	 */
	record Subscription(boolean resumed, List<Published> replay, Disposable live) {
	}
}
