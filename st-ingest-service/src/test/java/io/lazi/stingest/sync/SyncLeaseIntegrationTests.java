package io.lazi.stingest.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lazi.platform.events.Events;
import io.lazi.platform.events.SyncStatus;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.events.Topics;
import io.lazi.platform.test.KafkaTestConsumer;
import io.lazi.platform.web.Tenant;
import io.lazi.stingest.IntegrationTestSupport;
import io.lazi.stingest.servicetitan.ServiceTitanClient;
import io.lazi.stingest.sync.persistence.SyncCursorRepository;
import io.lazi.stingest.sync.persistence.SyncRunRepository;

/**
 * Several st-ingest instances on one database: each "replica" here is its own {@link Syncs} with its own
 * {@link RunLeases} (instance id, lease) and schedule locks, sharing the context's ledger, repositories and
 * ServiceTitan client, as pods of one deployment share the schema.
 */
class SyncLeaseIntegrationTests extends IntegrationTestSupport {

	private static final Duration LEASE = Duration.ofSeconds(1);

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	private ServiceTitanClient client;

	@Autowired
	private SyncLedger ledger;

	@Autowired
	private SyncRunMeter meter;

	@Autowired
	private SyncRunRepository runs;

	@Autowired
	private SyncCursorRepository cursors;

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Autowired
	private JdbcClient jdbc;

	private final GatedPull gated = new GatedPull();

	private final QuickPull quick = new QuickPull();

	private final List<Replica> replicas = new ArrayList<>();

	@AfterEach
	void stopReplicas() throws InterruptedException {

		gated.openAll();
		for (var replica : replicas) {
			replica.syncs().stop(Duration.ofSeconds(5));
		}
	}

	@Test // GH-12
	void leavesARunWhoseOwnerRenewsItsLeaseAlone() {

		var a = replica("replica-a");
		var b = replica("replica-b");
		var tenant = new Tenant(freshTenant());
		var run = a.syncs().start(gated.resource(), tenant, SyncType.FULL, SyncTrigger.MANUAL);

		// Three lease durations pass: A renews, B starts up and sweeps again and again.
		var until = System.nanoTime() + 3 * LEASE.toNanos();
		while (System.nanoTime() < until) {
			a.leases().renew();
			assertThat(b.syncs().takeOverExpired()).noneMatch(taken -> taken.failed().id().equals(run.id()));
			pause(Duration.ofMillis(150));
		}

		assertThat(status(run.id())).isEqualTo(SyncStatus.RUNNING);
		assertThat(owner(run.id())).isEqualTo("replica-a");
		assertThat(gated.interrupted).doesNotContain(run.id());
		gated.open(tenant);
		awaitStatus(run.id(), SyncStatus.COMPLETED);
		assertThat(running(tenant)).isZero();
	}

	@Test // GH-12
	void takesOverARunWhoseLeaseExpiredAndStopsItsFormerOwner() {

		var a = replica("replica-a");
		var b = replica("replica-b");
		var tenant = new Tenant(freshTenant());
		try (var syncEvents = new KafkaTestConsumer(Topics.SYNC_EVENTS)) {
			var run = a.syncs().start(gated.resource(), tenant, SyncType.FULL, SyncTrigger.MANUAL);
			await().atMost(WAIT).until(() -> gated.pulling.contains(run.id()));

			// A stops renewing (paused, cut off, or dead); once its lease expired B's sweep takes the run over.
			var taken = await().atMost(WAIT)
				.pollInterval(Duration.ofMillis(100))
				.until(() -> b.syncs().takeOverExpired(), list -> !list.isEmpty());

			assertThat(taken).hasSize(1);
			var restart = taken.getFirst().restart();
			assertThat(restart).isNotNull();
			assertThat(restart.resource()).isEqualTo(run.resource());
			assertThat(restart.tenantId()).isEqualTo(run.tenantId());
			assertThat(restart.syncType()).isEqualTo(SyncType.FULL);
			assertThat(restart.trigger()).isEqualTo(SyncTrigger.MANUAL);
			assertThat(status(run.id())).isEqualTo(SyncStatus.FAILED);
			assertThat(error(run.id())).startsWith("Interrupted: instance replica-a stopped renewing its lease (expired ")
				.endsWith("; taken over by instance replica-b as run " + restart.id());
			assertThat(owner(restart.id())).isEqualTo("replica-b");
			assertThat(running(tenant)).isEqualTo(1);

			// A comes back: its renewal finds the run gone, its pull stops, and it records nothing over B's word.
			assertThat(a.leases().renew()).containsExactly(run.id());
			await().atMost(WAIT).until(() -> gated.interrupted.contains(run.id()));
			assertThat(error(run.id())).endsWith("as run " + restart.id());

			gated.open(tenant);
			awaitStatus(restart.id(), SyncStatus.COMPLETED);
			var events = syncEvents.await(r -> tenant.id().equals(header(r, "ce_tenantid"))
					&& Events.SYNC_COMPLETED.name().equals(header(r, "ce_type")), WAIT);
			assertThat(events).extracting(r -> header(r, "ce_subject")).containsExactly(restart.id().toString());
			assertThat(syncEvents.records()).filteredOn(r -> tenant.id().equals(header(r, "ce_tenantid")))
				.extracting(r -> header(r, "ce_type") + " " + header(r, "ce_subject"))
				.containsExactly(Events.SYNC_STARTED.name() + " " + run.id(), Events.SYNC_FAILED.name() + " " + run.id(),
						Events.SYNC_STARTED.name() + " " + restart.id(), Events.SYNC_COMPLETED.name() + " " + restart.id());
		}
	}

	@Test // GH-12
	void failsARestartWhoseInstanceIsLostAgainWithoutRestartingIt() {

		var a = replica("replica-a");
		var b = replica("replica-b");
		var c = replica("replica-c");
		var tenant = new Tenant(freshTenant());
		var run = a.syncs().start(gated.resource(), tenant, SyncType.INCREMENTAL, SyncTrigger.SCHEDULED);
		var restart = await().atMost(WAIT)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> b.syncs().takeOverExpired(), list -> !list.isEmpty())
			.getFirst()
			.restart();
		assertThat(restart).isNotNull();

		var second = await().atMost(WAIT)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> c.syncs().takeOverExpired(), list -> !list.isEmpty());

		assertThat(second).singleElement().satisfies(taken -> {
			assertThat(taken.failed().id()).isEqualTo(restart.id());
			assertThat(taken.restart()).isNull();
		});
		assertThat(status(run.id())).isEqualTo(SyncStatus.FAILED);
		assertThat(status(restart.id())).isEqualTo(SyncStatus.FAILED);
		assertThat(error(restart.id())).startsWith("Interrupted: instance replica-b stopped renewing its lease")
			.endsWith("; not restarted: it restarts a run whose instance was lost already");
		assertThat(running(tenant)).isZero();
	}

	@Test // GH-12
	void handsItsRunsOverWhenItStopsAndAnotherInstanceRestartsThemAtOnce() throws InterruptedException {

		var a = replica("replica-a");
		var b = replica("replica-b");
		var tenant = new Tenant(freshTenant());
		var run = a.syncs().start(gated.resource(), tenant, SyncType.FULL, SyncTrigger.MANUAL);
		await().atMost(WAIT).until(() -> gated.pulling.contains(run.id()));

		a.syncs().stop(Duration.ZERO);

		assertThat(gated.interrupted).contains(run.id());
		var taken = b.syncs().takeOverExpired();
		assertThat(taken).singleElement().satisfies(t -> assertThat(t.failed().id()).isEqualTo(run.id()));
		var restart = taken.getFirst().restart();
		assertThat(restart).isNotNull();
		assertThat(error(run.id())).isEqualTo("Interrupted: instance replica-a stopped and handed the run over; "
				+ "taken over by instance replica-b as run " + restart.id());
		// A hand-over is not a lost instance: the restart may be taken over once more after a crash.
		assertThat(jdbc.sql("select lost_owners from sync_run where id = ?").param(restart.id()).query(Integer.class).single())
			.isZero();
		gated.open(tenant);
		awaitStatus(restart.id(), SyncStatus.COMPLETED);
	}

	@Test // GH-12
	void firesEachScheduledTickOnOneInstance() throws Exception {

		var a = replica("replica-a");
		var b = replica("replica-b");
		var lock = new SyncProperties.ScheduleLock(Duration.ofSeconds(2), Duration.ofMinutes(1));
		var properties = new SyncProperties("unused", new SyncProperties.Lease(LEASE, Duration.ofMillis(300), LEASE), lock);
		var schedulesA = new SyncSchedules(a.syncs(), ScheduleLocks.of(jdbcTemplate, "replica-a"), properties);
		var schedulesB = new SyncSchedules(b.syncs(), ScheduleLocks.of(jdbcTemplate, "replica-b"), properties);
		var tenants = client.tenants().size();

		// Both instances' crons fire the same tick at the same moment.
		var barrier = new CyclicBarrier(2);
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			var firedA = threads.submit(() -> {
				barrier.await();
				return schedulesA.fire(quick.resource(), SyncType.INCREMENTAL);
			});
			var firedB = threads.submit(() -> {
				barrier.await();
				return schedulesB.fire(quick.resource(), SyncType.INCREMENTAL);
			});
			assertThat(List.of(firedA.get(), firedB.get())).containsExactlyInAnyOrder(true, false);
		}
		await().atMost(WAIT).until(() -> quickRuns(SyncStatus.COMPLETED) == tenants);

		// An instance whose clock is a little behind fires the same tick after every run has ended: still skipped.
		assertThat(schedulesB.fire(quick.resource(), SyncType.INCREMENTAL)).isFalse();
		assertThat(quickRuns(null)).isEqualTo(tenants);
		assertThat(jdbc.sql("select tenant_id from sync_run where resource = ? group by tenant_id having count(*) > 1")
			.param(quick.resource().name())
			.query(String.class)
			.list()).isEmpty();

		// The next tick fires again, on whichever instance comes first.
		pause(lock.atLeastFor().plusMillis(200));
		assertThat(schedulesB.fire(quick.resource(), SyncType.INCREMENTAL)).isTrue();
		await().atMost(WAIT).until(() -> quickRuns(SyncStatus.COMPLETED) == 2 * tenants);
	}

	private Replica replica(String instanceId) {

		var leases = new RunLeases(runs, instanceId, LEASE);
		var replica = new Replica(leases, new Syncs(client, List.of(gated, quick), ledger, runs, cursors, leases, meter));
		replicas.add(replica);
		return replica;
	}

	private SyncStatus status(UUID run) {
		return SyncStatus.valueOf(jdbc.sql("select status from sync_run where id = ?").param(run).query(String.class).single());
	}

	private String error(UUID run) {
		return jdbc.sql("select error from sync_run where id = ?").param(run).query(String.class).single();
	}

	private String owner(UUID run) {
		return jdbc.sql("select owner from sync_run where id = ?").param(run).query(String.class).single();
	}

	private int running(Tenant tenant) {
		return jdbc.sql("select count(*) from sync_run where tenant_id = ? and status = 'RUNNING'")
			.param(tenant.id())
			.query(Integer.class)
			.single();
	}

	private int quickRuns(SyncStatus status) {
		return jdbc.sql("select count(*) from sync_run where resource = ? and (?::text is null or status = ?)")
			.param(quick.resource().name())
			.param(status == null ? null : status.name())
			.param(status == null ? null : status.name())
			.query(Integer.class)
			.single();
	}

	private void awaitStatus(UUID run, SyncStatus status) {
		await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> status(run) == status);
	}

	private static void pause(Duration duration) {

		try {
			TimeUnit.MILLISECONDS.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {

		var header = record.headers().lastHeader(name);
		return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
	}

	private record Replica(RunLeases leases, Syncs syncs) {
	}

	/** A resource whose pulls wait until the test opens their tenant's gate; remembers which were interrupted. */
	private static final class GatedPull implements ResourcePull {

		private final ConcurrentMap<String, CountDownLatch> gates = new ConcurrentHashMap<>();

		final Set<UUID> pulling = ConcurrentHashMap.newKeySet();

		final Set<UUID> interrupted = ConcurrentHashMap.newKeySet();

		@Override
		public SyncResource resource() {
			return new SyncResource("test.gated", "test/gated", "gated", "test.gated", Duration.ofMinutes(1), null, null);
		}

		@Override
		public PullResult pull(PullRun run) throws InterruptedException {

			pulling.add(run.run().id());
			try {
				gate(run.tenant().id()).await();
			}
			catch (InterruptedException ex) {
				interrupted.add(run.run().id());
				throw ex;
			}
			return PullResult.records(1, Map.of());
		}

		void open(Tenant tenant) {
			gate(tenant.id()).countDown();
		}

		void openAll() {
			gates.values().forEach(CountDownLatch::countDown);
		}

		private CountDownLatch gate(String tenant) {
			return gates.computeIfAbsent(tenant, t -> new CountDownLatch(1));
		}
	}

	/** A resource whose pulls end at once. */
	private static final class QuickPull implements ResourcePull {

		@Override
		public SyncResource resource() {
			return new SyncResource("test.quick", "test/quick", "quick", "test.quick", Duration.ofMinutes(1), null, null);
		}

		@Override
		public PullResult pull(PullRun run) {
			return PullResult.records(0, Map.of());
		}
	}
}
