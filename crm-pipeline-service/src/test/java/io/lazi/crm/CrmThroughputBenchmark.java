package io.lazi.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;

import io.lazi.platform.events.Events;
import io.lazi.platform.events.StAddress;
import io.lazi.platform.events.StAppointment;
import io.lazi.platform.events.StBusinessUnit;
import io.lazi.platform.events.StContact;
import io.lazi.platform.events.StCustomer;
import io.lazi.platform.events.StEstimate;
import io.lazi.platform.events.StJob;
import io.lazi.platform.events.StRecordFetched;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.platform.test.BacklogBenchmark;
import tools.jackson.databind.json.JsonMapper;

/**
 * Throughput of the whole service on a synthetic tenant of 10,000 customers: every record is a real
 * CloudEvent on the real {@code st.raw.*} topics, sent while the raw-record listener is paused; the clock runs
 * from resuming it until the service has applied every event (the rate it sustains on a backlog, such as a
 * tenant's first full sync). Not part of {@code ./mvnw verify}; run it with
 * {@code ./lazi bench crm}. The result goes to the log and to {@code target/bench/crm-throughput.txt}, and with
 * {@code -Dlazi.bench.record=true} (as {@code ./lazi bench crm} runs it) a row is appended to the results of
 * {@code docs/benchmarks.md}; only correctness is asserted.
 */
@CrmIntegrationTest
class CrmThroughputBenchmark {

	private static final Logger LOG = LoggerFactory.getLogger(CrmThroughputBenchmark.class);

	private static final int CUSTOMERS = 10_000;

	private static final Duration TIMEOUT = Duration.ofMinutes(15);

	private static final List<String> BUSINESS_UNITS = List.of("HVAC - Sales", "Plumbing - Sales", "HVAC - Service",
			"Plumbing - Service", "HVAC - Install", "Plumbing - Install");

	private static final List<String> INSTALL_STATUSES = List.of("Pending", "Scheduled", "Working", "Hold",
			"Completed");

	private final String tenant = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));

	private final UUID run = UUID.randomUUID();

	private final Instant now = Instant.now();

	private final Random random = new Random(42);

	private static final String RAW_RECORDS_LISTENER = "crm-raw-records";

	private final KafkaTemplate<String, byte[]> kafka;

	private final KafkaListenerEndpointRegistry listeners;

	private final CloudEventCodec codec;

	private final JdbcClient jdbc;

	private final List<ProducerRecord<String, byte[]>> records = new ArrayList<>();

	private final Map<String, Integer> expected = new TreeMap<>();

	@Autowired
	CrmThroughputBenchmark(KafkaTemplate<String, byte[]> kafka, KafkaListenerEndpointRegistry listeners,
			JsonMapper json, DataSource dataSource) {
		this.kafka = kafka;
		this.listeners = listeners;
		this.codec = new CloudEventCodec(json, URI.create("/lazi/st-ingest-service"));
		this.jdbc = JdbcClient.create(dataSource);
	}

	@Test
	void appliesTenThousandCustomersAndReportsEventsPerSecond() throws Exception {

		generate();
		var events = records.size();
		var timing = BacklogBenchmark.applyBacklog(listeners.getListenerContainer(RAW_RECORDS_LISTENER), kafka, records,
				() -> applied() >= events, TIMEOUT);
		var produced = timing.sendNanos();
		var elapsed = timing.applyNanos();

		var stages = opportunitiesPerStage();
		var report = report(events, produced, elapsed, stages);
		LOG.info("\n{}", report);
		var file = Path.of("target", "bench", "crm-throughput.txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, report);
		if (Boolean.getBoolean("lazi.bench.record")) {
			BacklogBenchmark.appendRows("crm apply", List.of(String.format("%,.0f events/s (%,d events in %.1f s)",
					events / (elapsed / 1e9), events, elapsed / 1e9)));
		}

		assertThat(applied()).isEqualTo(events);
		assertThat(stages.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(CUSTOMERS);
		assertThat(stages).isEqualTo(expected);
	}

	/** Business units first, then customers, jobs, appointments and estimates; tallies the expected stages. */
	private void generate() {

		for (var i = 0; i < BUSINESS_UNITS.size(); i++) {
			add(Topics.ST_RAW_BUSINESS_UNITS, Events.BUSINESS_UNIT_FETCHED.name(), i + 1,
					new StBusinessUnit(i + 1, true, BUSINESS_UNITS.get(i), null, now));
		}
		var jobs = new ArrayList<Runnable>();
		var appointments = new ArrayList<Runnable>();
		var estimates = new ArrayList<Runnable>();
		for (var c = 1; c <= CUSTOMERS; c++) {
			long customer = 100_000 + c;
			long job = 200_000 + c;
			long appointmentId = 300_000 + c;
			long estimateId = 400_000 + c;
			var unit = 1 + random.nextInt(BUSINESS_UNITS.size());
			var install = BUSINESS_UNITS.get(unit - 1).endsWith("Install");
			var status = install ? INSTALL_STATUSES.get(random.nextInt(INSTALL_STATUSES.size())) : "Scheduled";
			var created = now.minus(random.nextInt(13 * 24 * 60), ChronoUnit.MINUTES);
			add(Topics.ST_RAW_CUSTOMERS, Events.CUSTOMER_FETCHED.name(), customer,
					new StCustomer(customer, true, "Customer " + c, "Residential",
							new StAddress(c + " Main St", null, "Tampa", "FL", "33601", "USA"),
							List.of(new StContact(1, "Email", "customer" + c + "@example.com", null),
									new StContact(2, "MobilePhone", "(813) 555-" + String.format("%04d", c % 10_000),
											null)),
							null, created, created));
			jobs.add(() -> add(Topics.ST_RAW_JOBS, Events.JOB_FETCHED.name(), job, new StJob(job, "J-" + job, customer,
					null, status, null, unit, null, 1, null, null, null, null, created, created)));
			var appointment = random.nextInt(100) < 80;
			if (appointment) {
				appointments.add(() -> add(Topics.ST_RAW_APPOINTMENTS, Events.APPOINTMENT_FETCHED.name(), appointmentId,
						new StAppointment(appointmentId, job, "A-" + job, created, created, "Scheduled", customer,
								true, created, created)));
			}
			var estimate = random.nextInt(100) < 50 ? random.nextInt(100) : -1;
			if (estimate >= 0) {
				var value = estimate < 70 ? 0 : estimate < 85 ? 1 : 2;
				var subtotal = BigDecimal.valueOf(500 + random.nextInt(20_000));
				estimates.add(() -> add(Topics.ST_RAW_ESTIMATES, Events.ESTIMATE_FETCHED.name(), estimateId,
						new StEstimate(estimateId, job, customer, "Estimate " + job,
								new StEstimate.Status(value, value == 0 ? "Open" : value == 1 ? "Sold" : "Dismissed"),
								subtotal, BigDecimal.TEN, value == 1 ? created : null, true, (long) unit,
								BUSINESS_UNITS.get(unit - 1), created, created)));
			}
			expected.merge(expectedStage(install, status, appointment, estimate), 1, Integer::sum);
		}
		jobs.forEach(Runnable::run);
		appointments.forEach(Runnable::run);
		estimates.forEach(Runnable::run);
	}

	/** DESIGN §6, written out independently of the service's rules. */
	private static String expectedStage(boolean install, String jobStatus, boolean appointment, int estimate) {

		if (install) {
			return "INSTALL/" + switch (jobStatus) {
				case "Scheduled" -> "READY_FOR_INSTALL";
				case "Working" -> "IN_PROGRESS";
				case "Hold" -> "ON_HOLD";
				case "Completed" -> "JOB_COMPLETED";
				default -> "JOB_CREATED";
			};
		}
		if (estimate >= 85) {
			return "SALES/ESTIMATE_LOST";
		}
		if (estimate >= 70) {
			return "SALES/JOB_SOLD";
		}
		if (estimate >= 0) {
			return "SALES/PROPOSAL_SENT";
		}
		return appointment ? "SALES/APPOINTMENT_SCHEDULED" : "SALES/CONTACTED";
	}

	private void add(String topic, String type, long stId, Object record) {

		var payload = new StRecordFetched<>(tenant, run, SyncType.FULL, now, record);
		records.add(codec.toRecord(UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC), topic,
				tenant + ":" + stId, type, Long.toString(stId), tenant, codec.serialize(payload)));
	}

	/** Events the service applied for this tenant's run (one per consumed event, in the same transaction). */
	private int applied() {
		return jdbc.sql("select coalesce(sum(records), 0) from sync_tally where tenant_id = ? and sync_run_id = ?")
			.params(tenant, run)
			.query(Integer.class)
			.single();
	}

	private Map<String, Integer> opportunitiesPerStage() {

		var stages = new TreeMap<String, Integer>();
		jdbc.sql("select pipeline, stage, count(*) as n from opportunity where tenant_id = ? group by pipeline, stage")
			.param(tenant)
			.query((rs, row) -> stages.put(rs.getString("pipeline") + "/" + rs.getString("stage"), rs.getInt("n")))
			.list();
		return stages;
	}

	private String report(int events, long producedNanos, long elapsedNanos, Map<String, Integer> stages) {

		var seconds = elapsedNanos / 1e9;
		var out = new StringBuilder();
		out.append("=== CRM pipeline throughput benchmark ===\n");
		out.append(String.format("tenant               %s (synthetic)%n", tenant));
		out.append(String.format("customers            %,d%n", CUSTOMERS));
		out.append(String.format("events               %,d%n", events));
		out.append(String.format("sent (listener paused) in %.1f s%n", producedNanos / 1e9));
		out.append(String.format("backlog applied in   %.1f s%n", seconds));
		out.append(String.format("events applied / s   %.0f%n", events / seconds));
		out.append(String.format("opportunities        %,d%n", stages.values().stream().mapToInt(Integer::intValue).sum()));
		stages.forEach((stage, count) -> out.append(String.format("  %-32s %,6d%n", stage, count)));
		out.append(String.format("cpus                 %d%n", Runtime.getRuntime().availableProcessors()));
		return out.toString();
	}
}
