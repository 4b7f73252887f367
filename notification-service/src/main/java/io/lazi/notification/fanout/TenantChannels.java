package io.lazi.notification.fanout;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

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
 * Routes each tenant's notifications to that tenant's sessions only. Thread-safe; publishing never
 * blocks on a slow session: each session has a bounded buffer and fails with
 * {@link SessionOverflowException} when it is full.
 *
 * <p>Metrics: gauge {@code lazi.notification.sessions} (open sessions, tag {@code tenant}), counter
 * {@code lazi.notification.messages} (frames handed to sessions, replayed ones included, tag {@code type}: the
 * message name) and counter {@code lazi.notification.sessions.overflowed} (sessions ended for falling behind).
 */
public class TenantChannels {

	private static final Logger LOG = LoggerFactory.getLogger(TenantChannels.class);

	/** Message name telling a resuming client that events were missed and it must re-fetch its state. */
	public static final String RESYNC = "resync";

	private final ConcurrentHashMap<String, TenantChannel> channels = new ConcurrentHashMap<>();

	private final FanoutProperties properties;

	private final JsonMapper json;

	private final MeterRegistry meters;

	private final Clock clock;

	private final Counter overflowed;

	private final ConcurrentHashMap<String, Counter> messages = new ConcurrentHashMap<>();

	TenantChannels(FanoutProperties properties, JsonMapper json, MeterRegistry meters, Clock clock) {
		this.properties = properties;
		this.json = json;
		this.meters = meters;
		this.clock = clock;
		this.overflowed = Counter.builder("lazi.notification.sessions.overflowed")
			.description("WebSocket sessions closed because they fell too far behind")
			.register(meters);
	}

	/** Sends {@code notification} to the open sessions of {@code tenantId} and keeps it for resuming ones. */
	public void publish(String tenantId, Notification notification) {

		var frame = json.writeValueAsString(frame(notification.event(), notification.data(), notification.id(),
				notification.time() == null ? null : notification.time().toString()));
		channel(tenantId).publish(notification.id(), new Message(notification.event(), frame));
	}

	/**
	 * The JSON text frames for one session of {@code tenantId}: with a {@code lastEventId}, first the
	 * frames after it (or a {@value #RESYNC} frame and everything held when that id is no longer
	 * held), then live ones. Errors with {@link SessionOverflowException} when the subscriber falls
	 * {@code sessionBuffer} frames behind.
	 */
	public Flux<String> subscribe(String tenantId, @Nullable String lastEventId) {

		return Flux.defer(() -> {
			var channel = channel(tenantId);
			var queue = Sinks.many().unicast().<Message>onBackpressureBuffer(
					Queues.<Message>get(properties.sessionBuffer()).get());
			var subscription = channel.subscribe(lastEventId, frame -> {
				if (queue.tryEmitNext(frame).isFailure()) {
					queue.tryEmitError(new SessionOverflowException(tenantId, properties.sessionBuffer()));
				}
			});
			var head = subscription.resumed() ? subscription.replay()
					: prepend(resync(lastEventId), subscription.replay());
			channel.sessions.incrementAndGet();
			return Flux.fromIterable(head)
				.concatWith(queue.asFlux())
				.doOnError(SessionOverflowException.class, ex -> overflowed.increment())
				.doFinally(signal -> {
					subscription.live().dispose();
					channel.sessions.decrementAndGet();
				})
				.map(message -> {
					messages(message.event()).increment();
					return message.frame();
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

	private @Nullable Message resync(@Nullable String lastEventId) {

		if (lastEventId == null) {
			return null;
		}
		var data = json.createObjectNode().put("lastEventId", lastEventId);
		return new Message(RESYNC, json.writeValueAsString(frame(RESYNC, data, null, clock.instant().toString())));
	}

	private static List<Message> prepend(@Nullable Message first, List<Message> rest) {

		if (first == null) {
			return rest;
		}
		var all = new ArrayList<Message>(rest.size() + 1);
		all.add(first);
		all.addAll(rest);
		return all;
	}

	private static Frame frame(String event, Object data, @Nullable String id, @Nullable String time) {
		return new Frame(event, data, id, time);
	}

	/** The wire shape of every message (docs/architecture.md, "WebSocket messages"). */
	private record Frame(String event, Object data, @Nullable String id, @Nullable String time) {
	}
}
