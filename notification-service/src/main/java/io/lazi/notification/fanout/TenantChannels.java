package io.lazi.notification.fanout;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routes each tenant's notifications to that tenant's sessions only, each message carrying the session's
 * {@link Cursor}: a client that resumes from it, on this instance or another, gets every notification of its
 * tenant it has not seen, exactly once and in per-partition (so per-key) order, or a {@value #RESYNC} when this
 * instance no longer holds all of them. Thread-safe; publishing never blocks on a slow session: each session has
 * a bounded buffer and fails with {@link SessionOverflowException} when it is full.
 *
 * <p>Metrics: gauge {@code lazi.notification.sessions} (open sessions, tag {@code tenant}), counter
 * {@code lazi.notification.messages} (frames handed to sessions, replayed ones included, tag {@code type}: the
 * message name) and counter {@code lazi.notification.sessions.overflowed} (sessions ended for falling behind).
 */
public class TenantChannels {

	private static final Logger LOG = LoggerFactory.getLogger(TenantChannels.class);

	/** Message name telling a resuming client that events were missed and it must re-fetch its state. */
	public static final String RESYNC = "resync";

	/** Message name that opens every session that needs no resync: nothing was missed. */
	public static final String SUBSCRIBED = "subscribed";

	private final ConcurrentHashMap<String, TenantChannel> channels = new ConcurrentHashMap<>();

	private final FanoutProperties properties;

	private final SessionFrames frames;

	private final MeterRegistry meters;

	private final Clock clock;

	private final Counter overflowed;

	private final ConcurrentHashMap<String, Counter> messages = new ConcurrentHashMap<>();

	/** Past every record read (guarded by this). */
	private Cursor read = Cursor.EMPTY;

	/** From where on every record was read, per partition (guarded by this). */
	private Cursor complete = Cursor.EMPTY;

	TenantChannels(FanoutProperties properties, JsonMapper json, MeterRegistry meters, Clock clock) {
		this.properties = properties;
		this.frames = new SessionFrames(json, clock);
		this.meters = meters;
		this.clock = clock;
		this.overflowed = Counter.builder("lazi.notification.sessions.overflowed")
			.description("WebSocket sessions closed because they fell too far behind")
			.register(meters);
	}

	/**
	 * Kafka assigned these partitions at these positions (the offsets of the next records to read). Reading
	 * resumes where it stopped, or starts there for a partition new to this instance; a position past the
	 * records read means records were skipped, which no client resumes across.
	 */
	public synchronized void assigned(Map<String, Long> positions) {

		positions.forEach((partition, position) -> {
			var known = read.next(partition);
			if (known.isEmpty() || position > known.getAsLong()) {
				if (known.isPresent()) {
					LOG.warn("Partition {} assigned at {}, past the records read ({}): clients resuming before it resync",
							partition, position, known.getAsLong());
				}
				complete = complete.max(new Cursor(Map.of(partition, position)));
				read = read.max(new Cursor(Map.of(partition, position)));
			}
		});
	}

	/**
	 * Sends {@code notification}, read at {@code offset} of {@code partition}, to the open sessions of
	 * {@code tenantId} and keeps it for resuming ones; a record read before (Kafka delivers again what a consumer
	 * had not committed) is not sent again.
	 */
	public synchronized void publish(String tenantId, Notification notification, String partition, long offset) {

		if (offset < read.next(partition).orElse(0)) {
			LOG.debug("Not fanning out {} again (offset {} of {})", notification.id(), offset, partition);
			return;
		}
		read = read.past(partition, offset);
		channel(tenantId).publish(new Published(notification, partition, offset, read,
				frames.event(notification, read)));
	}

	/** The record at {@code offset} of {@code partition} was read and is no notification. */
	public synchronized void skipped(String partition, long offset) {
		read = read.past(partition, offset);
	}

	/**
	 * The JSON text frames for a session of {@code tenantId} of no known user: as
	 * {@link #subscribe(String, String, String)}, without the notifications addressed to a user.
	 */
	public Flux<String> subscribe(String tenantId, @Nullable String cursor) {
		return subscribe(tenantId, null, cursor);
	}

	/**
	 * The JSON text frames for one session of {@code tenantId}: first {@value #SUBSCRIBED}, or {@value #RESYNC}
	 * when {@code cursor} is given but this instance no longer holds everything after it (or it is no cursor);
	 * then, when resuming, the notifications after {@code cursor}; then live ones. A notification addressed to a
	 * user ({@link Notification#recipient()}) is sent only to that user's sessions, live and when resuming; the
	 * others are sent nothing for it, and their next frame's cursor is past it all the same. Errors with
	 * {@link SessionOverflowException} when the subscriber falls {@code sessionBuffer} frames behind.
	 *
	 * @param user the session's user (its token's {@code sub}); {@code null} when unknown
	 * @param cursor the {@code cursor} of the last message the client got, {@code null} for a fresh start
	 */
	public Flux<String> subscribe(String tenantId, @Nullable String user, @Nullable String cursor) {

		return Flux.defer(() -> {
			var channel = channel(tenantId);
			var queue = Sinks.many().unicast().<Published>onBackpressureBuffer(
					Queues.<Published>get(properties.sessionBuffer()).get());
			Consumer<Published> onLive = published -> {
				if (queue.tryEmitNext(published).isFailure()) {
					queue.tryEmitError(new SessionOverflowException(tenantId, properties.sessionBuffer()));
				}
			};
			TenantChannel.Subscription subscription;
			SessionCursor session;
			String headName;
			String head;
			synchronized (this) {
				var from = cursor == null ? null : Cursor.parse(cursor).orElse(null);
				subscription = from == null ? channel.subscribe(onLive) : channel.subscribe(from, complete, onLive);
				if (cursor != null && (from == null || !subscription.resumed())) {
					// Everything read so far is in the state the client reloads; where it is ahead, it has seen more.
					session = new SessionCursor(from == null ? read : from.max(read));
					headName = RESYNC;
					head = frames.control(RESYNC, Map.of("cursor", cursor), session.cursor());
				}
				else {
					session = new SessionCursor(from == null ? read : from);
					headName = SUBSCRIBED;
					head = frames.control(SUBSCRIBED, Map.of("resumed", from != null), session.cursor());
				}
			}
			channel.sessions.incrementAndGet();
			var events = Flux.fromIterable(subscription.replay())
				.concatWith(queue.asFlux())
				.<String>handle((published, sink) -> {
					if (!published.notification().isFor(user)) {
						session.skip(published);
						return;
					}
					var frame = session.frame(published, frames);
					if (frame != null) {
						messages(published.notification().event()).increment();
						sink.next(frame);
					}
				});
			return Flux.just(head)
				.doOnNext(frame -> messages(headName).increment())
				.concatWith(events)
				.doOnError(SessionOverflowException.class, ex -> overflowed.increment())
				.doFinally(signal -> {
					subscription.live().dispose();
					channel.sessions.decrementAndGet();
				});
		});
	}

	/** Open sessions of {@code tenantId}. */
	public int openSessions(String tenantId) {

		var channel = channels.get(tenantId);
		return channel == null ? 0 : channel.sessions.get();
	}

	private TenantChannel channel(String tenantId) {
		return channels.computeIfAbsent(tenantId, this::open);
	}

	private TenantChannel open(String tenantId) {

		var channel = new TenantChannel(new ReplayBuffer(properties.replaySize(), properties.replayWindow(), clock));
		Gauge.builder("lazi.notification.sessions", channel.sessions, Number::doubleValue)
			.description("Open WebSocket sessions")
			.tag("tenant", tenantId)
			.register(meters);
		LOG.debug("Opened the channel of tenant {}", tenantId);
		return channel;
	}

	/** The counter of messages named {@code event}; message names are a small fixed set. */
	private Counter messages(String event) {
		return messages.computeIfAbsent(event, name -> Counter.builder("lazi.notification.messages")
			.description("Messages handed to WebSocket sessions, by message name")
			.tag("type", name)
			.register(meters));
	}
}
