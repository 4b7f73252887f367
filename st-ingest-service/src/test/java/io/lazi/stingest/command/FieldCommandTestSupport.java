package io.lazi.stingest.command;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.UrlPattern;

import io.lazi.platform.events.Events;
import io.lazi.platform.events.FieldAction;
import io.lazi.platform.events.FieldCommand;
import io.lazi.platform.events.FieldCommandCompleted;
import io.lazi.platform.events.FieldWrite;
import io.lazi.platform.events.KafkaAccess;
import io.lazi.platform.events.StAddress;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.stingest.servicetitan.OfficialSpecs;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends field commands to {@code st.commands} as field-service does and reads their outcomes
 * ({@code FieldCommandCompleted}) from {@code sync.events}; ServiceTitan's records as WireMock answers them.
 */
abstract class FieldCommandTestSupport extends CommandTestSupport {

	/** Writes as field-service, the producer of field commands. */
	CloudEventCodec fieldCodec;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	void fieldCodec(JsonMapper json) {
		fieldCodec = new CloudEventCodec(json, KafkaAccess.Principal.FIELD.source());
	}

	static FieldCommand command(String tenant, FieldAction action, long stId, FieldWrite write) {
		return new FieldCommand(UUID.randomUUID(), tenant, action, stId, write, "opportunity:" + UUID.randomUUID(),
				"user-1", Instant.now());
	}

	static FieldWrite write() {
		return FieldWrite.none();
	}

	static FieldWrite customer(@Nullable String name, @Nullable String type, @Nullable StAddress address) {
		return new FieldWrite(name, type, address, null, null, null, null, null, null, null, null, null, null);
	}

	static FieldWrite job(@Nullable String summary, @Nullable Long businessUnitId, @Nullable String priority) {
		return new FieldWrite(null, null, null, summary, businessUnitId, null, priority, null, null, null, null, null, null);
	}

	static FieldWrite reason(@Nullable Long reasonId, @Nullable String memo) {
		return new FieldWrite(null, null, null, null, null, null, null, null, null, reasonId, memo, null, null);
	}

	static FieldWrite technicians(@Nullable Long appointmentId, @Nullable List<Long> technicianIds) {
		return new FieldWrite(null, null, null, null, null, null, null, appointmentId, technicianIds, null, null, null, null);
	}

	static FieldWrite times(@Nullable Instant start, @Nullable Instant end) {
		return new FieldWrite(null, null, null, null, null, null, null, null, null, null, null, start, end);
	}

	void send(FieldCommand command) {
		publish(fieldCodec, Events.FIELD_COMMAND, command.tenantId(), command.stId(), command);
	}

	/** Waits for {@code count} outcomes of the command; returns them in arrival order. */
	List<ConsumerRecord<String, byte[]>> outcomes(FieldCommand command, int count) {

		var id = command.commandId().toString();
		await().atMost(WAIT)
			.until(() -> syncEvents.drain(Duration.ofMillis(200)).stream().filter(r -> isOutcomeOf(r, id)).count() >= count);
		return syncEvents.records().stream().filter(r -> isOutcomeOf(r, id)).toList();
	}

	/** Sends the command and waits for the one outcome st-ingest announces for it. */
	FieldCommandCompleted sendForOutcome(FieldCommand command) {

		send(command);
		return json.readValue(outcomes(command, 1).getFirst().value(), FieldCommandCompleted.class);
	}

	/** An authenticated stub of any method on a path of the tenant's API (the path names the tenant). */
	static MappingBuilder st(String method, String path) {
		return WireMock.request(method, WireMock.urlPathEqualTo(path))
			.withHeader(HttpHeaders.AUTHORIZATION, WireMock.equalTo("Bearer tok-" + path.split("/")[4]))
			.withHeader("ST-App-Key", WireMock.equalTo(APP_KEY));
	}

	static UrlPattern url(String path) {
		return WireMock.urlPathEqualTo(path);
	}

	/** Every request sent for the tenant, each valid against ServiceTitan's export of its module. */
	static void assertEverySentRequestValid(String tenant) {

		var sent = ST.findAll(WireMock.anyRequestedFor(WireMock.urlPathMatching("/(crm|jpm|dispatch|sales)/v2/tenant/"
				+ tenant + "/.*")));
		org.assertj.core.api.Assertions.assertThat(sent).isNotEmpty().allSatisfy(OfficialSpecs::assertValid);
	}

	String body(Object value) {
		return json.writeValueAsString(value);
	}

	static Map<String, Object> customerRecord(long id, String name, String street, String unit) {
		return Map.of("id", id, "active", true, "name", name, "type", "Residential", "address", Map.of("street", street,
				"unit", unit, "city", "Mesa", "state", "AZ", "zip", "85001", "country", "USA", "latitude", 33.41,
				"longitude", -111.83), "createdOn", "2026-01-01T00:00:00Z", "modifiedOn", "2026-11-20T10:00:00Z");
	}

	static Map<String, Object> jobRecord(long id, String status) {
		return Map.of("id", id, "jobNumber", Long.toString(id), "customerId", 70000001, "locationId", 71000001,
				"jobStatus", status, "businessUnitId", 5001, "jobTypeId", 1400, "priority", "Normal", "summary", "Leak",
				"modifiedOn", "2026-11-20T10:00:00Z");
	}

	static Map<String, Object> appointmentRecord(long id, String start, String end, boolean confirmed) {
		return Map.of("id", id, "jobId", 80000001, "start", start, "end", end, "status", "Scheduled", "customerId",
				70000001, "isConfirmed", confirmed, "active", true, "modifiedOn", "2026-11-20T10:00:00Z");
	}

	static Map<String, Object> estimateRecord(long id, int status, String name) {
		return Map.of("id", id, "jobId", 80000001, "status", Map.of("value", status, "name", name), "subtotal", 1500,
				"tax", 120, "active", true, "modifiedOn", "2026-11-20T10:00:00Z");
	}

	static Map<String, Object> assignment(long id, long technicianId, long appointmentId, boolean active) {
		return Map.ofEntries(Map.entry("id", id), Map.entry("technicianId", technicianId),
				Map.entry("technicianName", "Tech " + technicianId), Map.entry("assignedById", 9002),
				Map.entry("assignedOn", "2026-11-20T09:00:00Z"), Map.entry("status", "Scheduled"),
				Map.entry("isPaused", false), Map.entry("jobId", 80000001), Map.entry("appointmentId", appointmentId),
				Map.entry("active", active), Map.entry("createdOn", "2026-11-20T09:00:00Z"),
				Map.entry("modifiedOn", "2026-11-20T10:00:00Z"));
	}

	String page(Object... records) {
		return json.writeValueAsString(Map.of("page", 1, "pageSize", 500, "hasMore", false, "data", List.of(records)));
	}

	/** The ledger as a process left it that crashed after calling ServiceTitan, before recording the outcome. */
	void recordStarted(FieldCommand command, Instant startedAt) {
		jdbc.sql("""
				insert into st_command (command_id, tenant_id, kind, action, st_id, status, started_at)
				values (?, ?, 'FIELD', ?, ?, 'STARTED', ?)""")
			.params(command.commandId(), command.tenantId(), command.action().name(), command.stId(),
					OffsetDateTime.ofInstant(startedAt, ZoneOffset.UTC))
			.update();
	}

	private static boolean isOutcomeOf(ConsumerRecord<String, byte[]> record, String commandId) {
		return Events.FIELD_COMMAND_COMPLETED.name().equals(header(record, "ce_type"))
				&& commandId.equals(header(record, "ce_subject"));
	}
}
