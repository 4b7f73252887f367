package io.lazi.notification.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lazi.platform.test.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.Disposable;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TenantChannelsUnitTests {

	private static final String SYNC = Cursor.partition("sync.events", 0);

	private static final String PRICEBOOK = Cursor.partition("pricebook.changed", 0);

	private final JsonMapper json = JsonMapper.builder().build();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final MutableClock clock = new MutableClock();

	private final TenantChannels channels = instance();

	@BeforeEach
	void assign() {
		channels.assigned(Map.of(SYNC, 0L, PRICEBOOK, 0L));
	}

	@Test
	void sendsNotificationsOnlyToSessionsOfTheirTenant() {

		var tenantA = new Session(channels, "1", null);
		var tenantB = new Session(channels, "2", null);

		channels.publish("1", notification("e1", "sync:completed"), SYNC, 0);

		assertThat(tenantA.ids()).containsExactly("e1");
		assertThat(tenantB.ids()).isEmpty();
		tenantA.close();
		tenantB.close();
	}

	@Test
	void sendsANotificationForOneUserOnlyToThatUsersSessionsAndMovesTheOthersPastIt() {

		var assignee = new Session(channels, "1", "user-9", null);
		var colleague = new Session(channels, "1", "user-7", null);
		var unknown = new Session(channels, "1", null, null);

		channels.publish("1", notification("t1", "crm:task-assigned", "user-9"), SYNC, 0);
		channels.publish("1", notification("e1", "sync:started"), PRICEBOOK, 0);

		assertThat(assignee.ids()).containsExactly("t1", "e1");
		assertThat(colleague.ids()).containsExactly("e1");
		assertThat(unknown.ids()).containsExactly("e1");
		// The next frame a colleague gets carries the cursor past the task it was not sent, as the assignee's does.
		assertThat(colleague.cursor()).isEqualTo("pricebook.changed/0:1,sync.events/0:1").isEqualTo(assignee.cursor());
		assertThat(messages("crm:task-assigned")).isEqualTo(1);
		assignee.close();
		colleague.close();
		unknown.close();
	}

	@Test
	void replaysANotificationForOneUserOnlyToThatUsersResumingSessions() {

		var cursor = cursorOfAFreshClient();
		channels.publish("1", notification("t1", "crm:task-assigned", "user-9"), SYNC, 0);
		channels.publish("1", notification("e1", "sync:started"), SYNC, 1);

		var assignee = new Session(channels, "1", "user-9", cursor);
		var colleague = new Session(channels, "1", "user-7", cursor);

		assertThat(assignee.events().getFirst()).isEqualTo(TenantChannels.SUBSCRIBED);
		assertThat(colleague.events().getFirst()).isEqualTo(TenantChannels.SUBSCRIBED);
		assertThat(assignee.ids()).containsExactly("t1", "e1");
		assertThat(colleague.ids()).containsExactly("e1");
		assertThat(colleague.cursor()).isEqualTo(assignee.cursor());
		assignee.close();
		colleague.close();
	}

	@Test
	void writesEventDataIdTimeAndCursorIntoTheFrame() {

		var session = new Session(channels, "1", null);

		channels.publish("1", new Notification("e1", "sync:completed", OffsetDateTime.parse("2026-01-01T10:15:30Z"),
				json.readTree("{\"rootCount\":3}")), SYNC, 0);

		var frame = session.frames().getLast();
		assertThat(frame.get("event").asString()).isEqualTo("sync:completed");
		assertThat(frame.get("data").get("rootCount").asInt()).isEqualTo(3);
		assertThat(frame.get("id").asString()).isEqualTo("e1");
		assertThat(frame.get("time").asString()).isEqualTo("2026-01-01T10:15:30Z");
		assertThat(frame.get("cursor").asString()).isEqualTo("pricebook.changed/0:0,sync.events/0:1");
		session.close();
	}

	@Test
	void opensEverySessionWithWhereItStarts() {

		channels.publish("1", notification("e1", "sync:started"), SYNC, 0);
		var session = new Session(channels, "1", null);

		var first = session.frames().getFirst();
		assertThat(first.get("event").asString()).isEqualTo(TenantChannels.SUBSCRIBED);
		assertThat(first.get("data").get("resumed").asBoolean()).isFalse();
		assertThat(first.get("cursor").asString()).isEqualTo("pricebook.changed/0:0,sync.events/0:1");
		assertThat(session.ids()).isEmpty();
		session.close();
	}

	@Test
	void replaysOnlyWhatFollowsTheCursorBeforeLiveOnes() {

		var before = new Session(channels, "1", null);
		channels.publish("1", notification("e1", "sync:started"), SYNC, 0);
		var cursor = before.cursor();
		before.close();
		channels.publish("1", notification("e2", "pricebook:categories:updated"), PRICEBOOK, 0);
		channels.publish("1", notification("e3", "sync:completed"), SYNC, 1);

		var session = new Session(channels, "1", cursor);
		channels.publish("1", notification("e4", "sync:started"), SYNC, 2);

		assertThat(session.events().getFirst()).isEqualTo(TenantChannels.SUBSCRIBED);
		assertThat(session.ids()).containsExactly("e2", "e3", "e4");
		session.close();
	}

	@Test
	void resumesOnAnInstanceThatReadThePartitionsInAnotherOrderWithNothingTwiceAndNothingMissed() {

		var other = instance();
		other.assigned(Map.of(SYNC, 0L, PRICEBOOK, 0L));
		// This instance reads s0 p0 s1 p1; the other p0 p1 s0 s1.
		var client = new Session(channels, "1", null);
		channels.publish("1", notification("s0", "sync:started"), SYNC, 0);
		channels.publish("1", notification("p0", "pricebook:categories:updated"), PRICEBOOK, 0);
		var cursor = client.cursor();
		client.close();
		channels.publish("1", notification("s1", "sync:completed"), SYNC, 1);
		channels.publish("1", notification("p1", "pricebook:categories:updated"), PRICEBOOK, 1);
		other.publish("1", notification("p0", "pricebook:categories:updated"), PRICEBOOK, 0);
		other.publish("1", notification("p1", "pricebook:categories:updated"), PRICEBOOK, 1);
		other.publish("1", notification("s0", "sync:started"), SYNC, 0);
		other.publish("1", notification("s1", "sync:completed"), SYNC, 1);

		var resumed = new Session(other, "1", cursor);

		assertThat(resumed.ids()).containsExactly("p1", "s1");
		assertThat(resumed.cursor()).isEqualTo("pricebook.changed/0:2,sync.events/0:2");
		resumed.close();
	}

	@Test
	void resumesOnAnInstanceThatHasNotReadAsFarAndSendsItOnlyWhatTheClientHasNot() {

		var other = instance();
		other.assigned(Map.of(SYNC, 0L, PRICEBOOK, 0L));
		var client = new Session(channels, "1", null);
		channels.publish("1", notification("s0", "sync:started"), SYNC, 0);
		channels.publish("1", notification("p0", "pricebook:categories:updated"), PRICEBOOK, 0);
		var cursor = client.cursor();
		client.close();

		var resumed = new Session(other, "1", cursor);
		other.publish("1", notification("s0", "sync:started"), SYNC, 0);
		other.publish("1", notification("s1", "sync:completed"), SYNC, 1);
		other.publish("1", notification("p0", "pricebook:categories:updated"), PRICEBOOK, 0);

		assertThat(resumed.ids()).containsExactly("s1");
		// The furthest of both: the other instance is behind on the pricebook partition, the client is not.
		assertThat(resumed.cursor()).isEqualTo("pricebook.changed/0:1,sync.events/0:2");
		resumed.close();
	}

	@Test
	void asksForResyncThenSendsOnlyLiveOnesWhenTheCursorFellOutOfTheReplayBuffer() {

		var cursor = cursorOfAFreshClient();
		for (var offset = 0; offset < 4; offset++) {
			channels.publish("1", notification("e" + offset, "sync:started"), SYNC, offset);
		}

		var session = new Session(channels, "1", cursor);
		channels.publish("1", notification("e4", "sync:started"), SYNC, 4);

		var first = session.frames().getFirst();
		assertThat(first.get("event").asString()).isEqualTo(TenantChannels.RESYNC);
		assertThat(first.get("data").get("cursor").asString()).isEqualTo(cursor);
		assertThat(first.get("cursor").asString()).isEqualTo("pricebook.changed/0:0,sync.events/0:4");
		assertThat(session.ids()).containsExactly("e4");
		session.close();
	}

	@Test
	void asksForResyncWhenTheCursorIsBehindWhereThisInstanceStartedReading() {

		var late = instance();
		late.assigned(Map.of(SYNC, 5L, PRICEBOOK, 0L));

		var session = new Session(late, "1", "pricebook.changed/0:0,sync.events/0:3");

		assertThat(session.events()).containsExactly(TenantChannels.RESYNC);
		session.close();
	}

	@Test
	void asksAnOlderClientThatSendsAnEventIdForResync() {

		channels.publish("1", notification("e1", "sync:started"), SYNC, 0);

		var session = new Session(channels, "1", "e1");

		assertThat(session.events()).containsExactly(TenantChannels.RESYNC);
		session.close();
	}

	@Test
	void forgetsEventsOlderThanTheReplayWindow() {

		var cursor = cursorOfAFreshClient();
		channels.publish("1", notification("e1", "sync:started"), SYNC, 0);
		clock.advance(Duration.ofMinutes(3));

		var session = new Session(channels, "1", cursor);

		assertThat(session.events()).containsExactly(TenantChannels.RESYNC);
		session.close();
	}

	@Test
	void resumesAQuietTenantWhoseEventsTheWindowForgotAfterTheClientSawThem() {

		var before = new Session(channels, "1", null);
		channels.publish("1", notification("e1", "sync:started"), SYNC, 0);
		var cursor = before.cursor();
		before.close();
		clock.advance(Duration.ofMinutes(3));

		var session = new Session(channels, "1", cursor);

		assertThat(session.events()).containsExactly(TenantChannels.SUBSCRIBED);
		session.close();
	}

	@Test
	void sendsARecordKafkaDeliversAgainOnlyOnce() {

		var session = new Session(channels, "1", null);
		channels.publish("1", notification("e1", "sync:started"), SYNC, 0);
		channels.publish("1", notification("e2", "sync:completed"), SYNC, 1);
		// A rebalance before the offsets were committed: the consumer reads them again.
		channels.assigned(Map.of(SYNC, 0L, PRICEBOOK, 0L));
		channels.publish("1", notification("e1", "sync:started"), SYNC, 0);
		channels.publish("1", notification("e2", "sync:completed"), SYNC, 1);
		channels.publish("1", notification("e3", "sync:started"), SYNC, 2);

		assertThat(session.ids()).containsExactly("e1", "e2", "e3");
		session.close();
	}

	@Test
	void endsASessionThatFallsTooFarBehindWithoutHoldingUpOthers() {

		var others = new Session(channels, "1", null);

		StepVerifier.create(channels.subscribe("1", null), 0)
			.then(() -> {
				for (var i = 0; i < 20; i++) {
					channels.publish("1", notification("e" + i, "sync:started"), SYNC, i);
				}
			})
			.thenRequest(Long.MAX_VALUE)
			.thenConsumeWhile(frame -> true)
			.expectError(SessionOverflowException.class)
			.verify(Duration.ofSeconds(5));

		assertThat(others.ids()).hasSize(20);
		assertThat(meters.counter("lazi.notification.sessions.overflowed").count()).isEqualTo(1);
		others.close();
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

		var cursor = cursorOfAFreshClient();
		channels.publish("1", notification("e1", "sync:started"), SYNC, 0);
		var fresh = channels.subscribe("1", null).subscribe();
		var resumed = channels.subscribe("1", cursor).subscribe();
		var older = channels.subscribe("1", "gone").subscribe();
		channels.publish("1", notification("e2", "sync:completed"), SYNC, 1);
		channels.publish("2", notification("e3", "sync:completed"), SYNC, 2);

		assertThat(messages("sync:completed")).isEqualTo(3);
		// The resuming session got the start it missed; the fresh one and the older client nothing from before.
		assertThat(messages("sync:started")).isEqualTo(1);
		assertThat(messages(TenantChannels.SUBSCRIBED)).isEqualTo(3);
		assertThat(messages(TenantChannels.RESYNC)).isEqualTo(1);
		fresh.dispose();
		resumed.dispose();
		older.dispose();
	}

	/** Where a client of tenant 1 that connects now and drops at once resumes from. */
	private String cursorOfAFreshClient() {

		var session = new Session(channels, "1", null);
		var cursor = session.cursor();
		session.close();
		return cursor;
	}

	private TenantChannels instance() {
		return new TenantChannels(new FanoutProperties(3, Duration.ofMinutes(2), 4), json, meters, clock);
	}

	private double messages(String type) {
		return meters.get("lazi.notification.messages").tag("type", type).counter().count();
	}

	private Notification notification(String id, String event) {
		return new Notification(id, event, OffsetDateTime.parse("2026-01-01T10:00:00Z"), json.readTree("{}"));
	}

	private Notification notification(String id, String event, String recipient) {
		return new Notification(id, event, OffsetDateTime.parse("2026-01-01T10:00:00Z"), json.readTree("{}"), recipient);
	}

	/** One client's session: the frames it got, in order. */
	private final class Session implements AutoCloseable {

		private final List<String> frames = new CopyOnWriteArrayList<>();

		private final Disposable subscription;

		Session(TenantChannels channels, String tenant, @Nullable String cursor) {
			this(channels, tenant, null, cursor);
		}

		Session(TenantChannels channels, String tenant, @Nullable String user, @Nullable String cursor) {
			subscription = channels.subscribe(tenant, user, cursor).subscribe(frames::add);
		}

		List<JsonNode> frames() {
			return frames.stream().map(json::readTree).toList();
		}

		List<String> events() {
			return frames().stream().map(frame -> frame.get("event").asString()).toList();
		}

		List<String> ids() {
			return frames().stream().filter(frame -> frame.path("id").isString()).map(frame -> frame.get("id").asString()).toList();
		}

		String cursor() {
			return frames().getLast().get("cursor").asString();
		}

		@Override
		public void close() {
			subscription.dispose();
		}
	}
}
