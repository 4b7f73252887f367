package io.lazi.notification.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.lazi.platform.test.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TenantChannelsUnitTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final MutableClock clock = new MutableClock();

	private final TenantChannels channels = new TenantChannels(new FanoutProperties(3, Duration.ofMinutes(2), 4), json,
			meters, clock);

	@Test
	void sendsNotificationsOnlyToSessionsOfTheirTenant() {

		var tenantA = new CopyOnWriteArrayList<String>();
		var tenantB = new CopyOnWriteArrayList<String>();
		var a = channels.subscribe("1", null).subscribe(tenantA::add);
		var b = channels.subscribe("2", null).subscribe(tenantB::add);

		channels.publish("1", notification("e1", "sync:completed"));

		assertThat(tenantA).hasSize(1);
		assertThat(tenantB).isEmpty();
		a.dispose();
		b.dispose();
	}

	@Test
	void writesEventDataIdAndTimeIntoTheFrame() {

		var frames = new CopyOnWriteArrayList<String>();
		var session = channels.subscribe("1", null).subscribe(frames::add);

		channels.publish("1", new Notification("e1", "sync:completed", OffsetDateTime.parse("2026-01-01T10:15:30Z"),
				json.readTree("{\"rootCount\":3}")));

		var frame = json.readTree(frames.getFirst());
		assertThat(frame.get("event").asString()).isEqualTo("sync:completed");
		assertThat(frame.get("data").get("rootCount").asInt()).isEqualTo(3);
		assertThat(frame.get("id").asString()).isEqualTo("e1");
		assertThat(frame.get("time").asString()).isEqualTo("2026-01-01T10:15:30Z");
		session.dispose();
	}

	@Test
	void replaysOnlyEventsAfterTheLastEventIdBeforeLiveOnes() {

		channels.publish("1", notification("e1", "sync:started"));
		channels.publish("1", notification("e2", "sync:completed"));
		channels.publish("1", notification("e3", "pricebook:categories:synced"));
		var frames = new CopyOnWriteArrayList<String>();
		var session = channels.subscribe("1", "e1").subscribe(frames::add);
		channels.publish("1", notification("e4", "sync:started"));

		assertThat(ids(frames)).containsExactly("e2", "e3", "e4");
		session.dispose();
	}

	@Test
	void replaysNothingToAFreshSession() {

		channels.publish("1", notification("e1", "sync:started"));
		var frames = new CopyOnWriteArrayList<String>();
		var session = channels.subscribe("1", null).subscribe(frames::add);

		assertThat(frames).isEmpty();
		session.dispose();
	}

	@Test
	void asksForResyncWhenTheLastEventIdFellOutOfTheReplayBuffer() {

		for (var id : List.of("e1", "e2", "e3", "e4")) {
			channels.publish("1", notification(id, "sync:started"));
		}
		var frames = new CopyOnWriteArrayList<String>();
		var session = channels.subscribe("1", "e1").subscribe(frames::add);

		var first = json.readTree(frames.getFirst());
		assertThat(first.get("event").asString()).isEqualTo(TenantChannels.RESYNC);
		assertThat(first.get("data").get("lastEventId").asString()).isEqualTo("e1");
		assertThat(ids(frames.subList(1, frames.size()))).containsExactly("e2", "e3", "e4");
		session.dispose();
	}

	@Test
	void forgetsEventsOlderThanTheReplayWindow() {

		channels.publish("1", notification("e1", "sync:started"));
		channels.publish("1", notification("e2", "sync:completed"));
		clock.advance(Duration.ofMinutes(3));
		var frames = new CopyOnWriteArrayList<String>();
		var session = channels.subscribe("1", "e1").subscribe(frames::add);

		assertThat(frames).hasSize(1);
		assertThat(json.readTree(frames.getFirst()).get("event").asString()).isEqualTo(TenantChannels.RESYNC);
		session.dispose();
	}

	@Test
	void endsASessionThatFallsTooFarBehindWithoutHoldingUpOthers() {

		var others = new CopyOnWriteArrayList<String>();
		var fast = channels.subscribe("1", null).subscribe(others::add);

		StepVerifier.create(channels.subscribe("1", null), 0)
			.then(() -> {
				for (var i = 0; i < 20; i++) {
					channels.publish("1", notification("e" + i, "sync:started"));
				}
			})
			.thenRequest(Long.MAX_VALUE)
			.thenConsumeWhile(frame -> true)
			.expectError(SessionOverflowException.class)
			.verify(Duration.ofSeconds(5));

		assertThat(others).hasSize(20);
		assertThat(meters.counter("lazi.notification.sessions.overflowed").count()).isEqualTo(1);
		fast.dispose();
	}

	@Test
	void countsOpenSessionsPerTenant() {

		var first = channels.subscribe("1", null).subscribe();
		var second = channels.subscribe("1", null).subscribe();

		assertThat(channels.openSessions("1")).isEqualTo(2);
		assertThat(meters.get("lazi.notification.sessions").tag("tenant", "1").gauge().value()).isEqualTo(2);
		first.dispose();
		second.dispose();
		assertThat(channels.openSessions("1")).isZero();
		assertThat(meters.get("lazi.notification.sessions").tag("tenant", "1").gauge().value()).isZero();
	}

	@Test
	void countsEveryMessageHandedToASessionByItsName() {

		channels.publish("1", notification("e1", "sync:started"));
		var first = channels.subscribe("1", null).subscribe();
		var second = channels.subscribe("1", "gone").subscribe();
		channels.publish("1", notification("e2", "sync:completed"));
		channels.publish("2", notification("e3", "sync:completed"));

		assertThat(messages("sync:completed")).isEqualTo(2);
		// The resuming session got the resync and the replayed start; the fresh one nothing from before.
		assertThat(messages(TenantChannels.RESYNC)).isEqualTo(1);
		assertThat(messages("sync:started")).isEqualTo(1);
		first.dispose();
		second.dispose();
	}

	private double messages(String type) {
		return meters.get("lazi.notification.messages").tag("type", type).counter().count();
	}

	private Notification notification(String id, String event) {
		return new Notification(id, event, OffsetDateTime.parse("2026-01-01T10:00:00Z"), json.readTree("{}"));
	}

	private List<String> ids(List<String> frames) {
		return frames.stream().map(json::readTree).map(frame -> frame.get("id")).map(JsonNode::asString).toList();
	}
}
