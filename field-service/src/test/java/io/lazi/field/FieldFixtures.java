package io.lazi.field;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.lazi.platform.events.EventType;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.FieldCommandCompleted;
import io.lazi.platform.events.StAddress;
import io.lazi.platform.events.StAppointment;
import io.lazi.platform.events.StAppointmentAssignment;
import io.lazi.platform.events.StContact;
import io.lazi.platform.events.StCustomer;
import io.lazi.platform.events.StJob;
import io.lazi.platform.events.StJobHistory;
import io.lazi.platform.events.StJobReason;
import io.lazi.platform.events.StLocation;
import io.lazi.platform.events.StRecordFetched;
import io.lazi.platform.events.StTeam;
import io.lazi.platform.events.StTechnician;
import io.lazi.platform.events.StTechnicianShift;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.events.TenantPayload;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.platform.test.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tenant of its own per test with a small crew, published on the real {@code st.raw.*} topics as st-ingest would:
 * customer 7 (Jane Pool, location 70), job 10 (Scheduled, business unit 5) with appointment 20 tomorrow 09:00–11:00
 * and technician 101 assigned to it; technicians 100 (Ann, active, team Pool Crew, shift tomorrow 08:00–17:00),
 * 101 (Bob, active) and 102 (Cy, inactive); team 1; cancel reason 1, hold reason 2.
 */
public final class FieldFixtures {

	public static final Duration TIMEOUT = Duration.ofSeconds(30);

	public final String tenant = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));

	public final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	public final Instant tomorrow = now.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);

	private final KafkaTemplate<String, byte[]> kafka;

	private final CloudEventCodec ingest;

	private final CloudEventCodec crm;

	private final UUID run = UUID.randomUUID();

	public FieldFixtures(KafkaTemplate<String, byte[]> kafka, JsonMapper json) {
		this.kafka = kafka;
		this.ingest = new CloudEventCodec(json, URI.create("/lazi/st-ingest-service"));
		this.crm = new CloudEventCodec(json, URI.create("/lazi/crm-pipeline-service"));
	}

	/** Publishes the whole crew and the customer's job. */
	public void publishAll() {

		publish(Events.TEAM_FETCHED, 1, new StTeam(1, "Pool Crew", true, now, now));
		publish(Events.TECHNICIAN_FETCHED, 100, technician(100, "Ann Able", true, now));
		publish(Events.TECHNICIAN_FETCHED, 101, technician(101, "Bob Baker", true, now));
		publish(Events.TECHNICIAN_FETCHED, 102, technician(102, "Cy Crane", false, now));
		publish(Events.TECHNICIAN_SHIFT_FETCHED, 400, new StTechnicianShift(400, "Normal", "Day", null, true, 100,
				tomorrow.plus(8, ChronoUnit.HOURS), tomorrow.plus(17, ChronoUnit.HOURS), now, now));
		publish(Events.JOB_CANCEL_REASON_FETCHED, 1, new StJobReason(1, "Customer canceled", true, now, now));
		publish(Events.JOB_HOLD_REASON_FETCHED, 2, new StJobReason(2, "Waiting for parts", true, now, now));
		publish(Events.CUSTOMER_FETCHED, 7, customer("Jane Pool", now));
		publish(Events.LOCATION_FETCHED, 70, new StLocation(70, 7, true, "Home",
				new StAddress("1 Main St", null, "Tampa", "FL", "33601", "USA"), now, now));
		publish(Events.JOB_FETCHED, 10, job("Scheduled", now));
		publish(Events.JOB_HISTORY_FETCHED, 10,
				new StJobHistory(10, List.of(new StJobHistory.Entry(1, "Job Booked", now.minusSeconds(3600), null, null))));
		publish(Events.APPOINTMENT_FETCHED, 20, appointment(tomorrow.plus(9, ChronoUnit.HOURS), now));
		publish(Events.APPOINTMENT_ASSIGNMENT_FETCHED, 300, assignment(300, 101, true, now));
	}

	public StCustomer customer(String name, Instant modifiedOn) {
		return new StCustomer(7, true, name, "Residential", new StAddress("1 Main St", null, "Tampa", "FL", "33601", "USA"),
				List.of(new StContact(1, "Phone", "813-555-0100", null), new StContact(2, "Email", "jane@example.com", null)),
				null, now.minusSeconds(86_400), modifiedOn);
	}

	public StJob job(String status, Instant modifiedOn) {
		return new StJob(10, "J-10", 7, 70L, status, null, 5, 3L, 1, 20L, null, List.of(), "Pool pump", now.minusSeconds(3600),
				modifiedOn);
	}

	public StAppointment appointment(Instant start, Instant modifiedOn) {
		return new StAppointment(20, 10, "J-10-1", start, start.plus(2, ChronoUnit.HOURS), "Scheduled", 7, true, now,
				modifiedOn);
	}

	public StAppointmentAssignment assignment(long id, long technicianId, boolean active, Instant modifiedOn) {
		return new StAppointmentAssignment(id, technicianId, "Tech " + technicianId, 1L, now, "Scheduled", 10, 20, active,
				now, modifiedOn);
	}

	public StTechnician technician(long id, String name, boolean active, Instant modifiedOn) {
		return new StTechnician(id, id + 1000, name, 5L, 9L, List.of(9L), name.split(" ")[0].toLowerCase() + "@crew.example",
				"813-555-0" + id, "Pool Crew", active, now, modifiedOn);
	}

	/** Publishes one raw record as st-ingest does (key {@code {tenantId}:{stId}}). */
	public <R> void publish(EventType<StRecordFetched<R>> type, long stId, R record) {
		send(UUID.randomUUID(), type.topic(), type.name(), tenant + ":" + stId, new StRecordFetched<>(tenant, run,
				SyncType.FULL, now, record));
	}

	/** Publishes st-ingest's answer to a command on {@code sync.events}. */
	public void answer(FieldCommandCompleted answer) {
		send(UUID.randomUUID(), Events.FIELD_COMMAND_COMPLETED.topic(), Events.FIELD_COMMAND_COMPLETED.name(), tenant,
				answer);
	}

	/** Publishes an opportunity marked won or lost as crm-pipeline-service does. */
	public void marked(io.lazi.platform.events.OpportunityOutcomeMarked marked) {

		var type = Events.CRM_OPPORTUNITY_OUTCOME_MARKED;
		try {
			kafka.send(crm.toRecord(UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC), type.topic(), type.key(marked),
					type.name(), "opportunity/" + marked.opportunityId(), tenant, crm.serialize(marked))).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish " + type, ex);
		}
	}

	/** Publishes {@code payload} as crm-pipeline-service does, under the event id {@code id} (again: a re-delivery). */
	public <P extends TenantPayload> void fromCrm(UUID id, EventType<P> type, String subject, P payload) {

		try {
			kafka.send(crm.toRecord(id, OffsetDateTime.now(ZoneOffset.UTC), type.topic(), type.key(payload), type.name(),
					subject, tenant, crm.serialize(payload))).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish " + type, ex);
		}
	}

	/** Sends the same event id again: a re-delivery. */
	public void send(UUID id, String topic, String type, String key, TenantPayload payload) {

		try {
			kafka.send(ingest.toRecord(id, OffsetDateTime.now(ZoneOffset.UTC), topic, key, type, key, tenant,
					ingest.serialize(payload))).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish " + type, ex);
		}
	}

	/** The {@code ce_type} of a record read back from a topic. */
	public static String type(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record) {
		var header = record.headers().lastHeader("ce_type");
		return header == null ? "" : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
	}

	/** The records of this tenant: a test consumer reads its topic from the beginning, every test's. */
	public List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> mine(
			List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> records) {
		return records.stream().filter(r -> r.key().startsWith(tenant + ":")).toList();
	}

	/** Waits until {@code condition} holds. */
	public static void until(java.util.concurrent.Callable<Boolean> condition) {
		await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(condition);
	}

	/** A bearer token of {@code subject} with {@code role} for the tenant. */
	public RequestPostProcessor as(String role) {
		return as("user-" + role.toLowerCase(), role);
	}

	public RequestPostProcessor as(String subject, String role) {

		var token = TestTokens.user(subject, List.of(tenant), List.of(role)).sign();
		return request -> {
			request.addHeader("Authorization", "Bearer " + token);
			request.addHeader("X-Tenant-ID", tenant);
			return request;
		};
	}
}
