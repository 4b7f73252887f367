package io.lazi.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every contract record serialises to JSON that its schema in {@code docs/events/} accepts, reads
 * back equal, and tolerates fields it does not know (contracts change additively).
 */
class EventContractUnitTests {

	private static final Path SCHEMAS = ContractDocs.load().schemaDirectory();

	private static final UUID COMMAND = UUID.fromString("3c9e2f4a-8b1d-4e6f-a2c3-7d5b9e0f1a22");

	private static final UUID PUSH = UUID.fromString("6f1a3b5c-2d4e-4f60-8a7b-9c0d1e2f3a44");

	private static final UUID LEAD = UUID.fromString("7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d");

	private static final UUID ACCOUNT = UUID.fromString("8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e");

	private static final UUID OPPORTUNITY = UUID.fromString("0b9e6a52-7c4f-4d0e-9a55-1f3c2b7d8e90");

	private final JsonMapper json = JsonMapper.builder().build();

	private final com.fasterxml.jackson.databind.ObjectMapper schemaJson = new com.fasterxml.jackson.databind.ObjectMapper();

	static Stream<Arguments> contracts() {

		var run = UUID.fromString("0d5e3b7a-6a51-4f57-9c3e-0b1f1c1f2a10");
		var at = Instant.parse("2026-03-01T10:15:30.123Z");
		var leaf = new StCategory(41000121, "Tankless", true, null, "Images/Category/tankless.png", 41000111L, 1,
				"Services", List.of(), List.of(5001L), List.of(), List.of(), null, null, false, at, at);
		var sub = new StCategory(41000111, "Water Heaters", true, null, null, 41000101L, 1, "Services", List.of(leaf),
				List.of(5001L), List.of(), List.of(), null, null, false, at, at);
		var root = new StCategory(41000101, "Plumbing", true, "All plumbing", "Images/Category/plumbing.jpg", null, 1,
				"Services", List.of(sub), List.of(5001L, 5002L), List.of(), List.of(), null, null, false, at, at);
		return Stream.of(
				Arguments.of("category-fetched", new CategoryFetched("3222348440", run, SyncType.FULL, at, root)),
				Arguments.of("st-category", root),
				Arguments.of("sync-started", new SyncStarted("3222348440", run, "pricebook.categories", SyncType.FULL, at)),
				Arguments.of("sync-completed", new SyncCompleted("3222348440", run, "pricebook.categories", SyncType.FULL, at,
						at.plusSeconds(40), 40_000, 450L, 1, 2, 1, 4, 0, List.of(41000101L))),
				Arguments.of("sync-failed", new SyncFailed("3222348440", run, "pricebook.categories",
						SyncType.INCREMENTAL, at, at.plusSeconds(3), 3_000, 2, 1, "ServiceTitan answered 401")),
				Arguments.of("categories-synced", new CategoriesSynced("3222348440", run, 2_047, 2_047, 0, 0)),
				Arguments.of("category-changed", new CategoryChanged("3222348440", 41000111, 41000101L, 1,
						"41000101.41000111", "Water Heaters", null, 1, true, List.of("name"))),
				Arguments.of("opportunity-stage-moved", new OpportunityStageMoved("3222348440",
						UUID.fromString("5b0c1c7e-3f7c-4a51-8f0e-2d6f1f0e9a11"), "Sales", "Proposal Sent", "Sales",
						"Job Sold", "won", "estimate-sold", new java.math.BigDecimal("12500.00"), 71000001L, 72000001L,
						73000001L, at)),
				Arguments.of("st-customer", customer(at)),
				Arguments.of("st-location", new StLocation(71000001L, 70000001L, true, "Home",
						new StAddress("418 Orchard Ln", null, "Boise", "ID", "83702", "USA"), at, at)),
				Arguments.of("st-job", job(at)),
				Arguments.of("st-appointment", new StAppointment(72000101L, 72000001L, "72000001-1", at, at.plusSeconds(7_200),
						"Scheduled", 70000001L, true, at, at)),
				Arguments.of("st-estimate", new StEstimate(73000001L, 72000001L, 70000001L, "Pump replacement - Better",
						new StEstimate.Status(0, "Open"), new BigDecimal("1625.00"), new BigDecimal("130.00"), null, true,
						5001L, "Pool - Sales", at, at)),
				Arguments.of("st-business-unit", new StBusinessUnit(5003L, true, "Pool - Install", "Lazi Pools", at)),
				Arguments.of("st-service", service(at)),
				Arguments.of("st-material", material(at)),
				Arguments.of("st-equipment", equipment(at)),
				Arguments.of("category-write", rename()),
				Arguments.of("st-command", new StCommand(COMMAND, "3222348440", PUSH, CommandAction.UPDATE_CATEGORY,
						41000111, rename(), at)),
				Arguments.of("st-command", new StCommand(COMMAND, "3222348440", null, CommandAction.PULL_CATEGORY,
						41000111, null, at)),
				Arguments.of("st-command-completed", new StCommandCompleted(COMMAND, "3222348440", PUSH,
						CommandAction.UPDATE_CATEGORY, 41000111, CommandOutcome.SUCCEEDED, 200, null, sub,
						"Images/Category/heaters.jpg", 2, 0, 840, at)),
				Arguments.of("st-command-completed", new StCommandCompleted(COMMAND, "3222348440", PUSH,
						CommandAction.DELETE_CATEGORY, 41000121, CommandOutcome.FAILED, 400, "Category has SKUs", null,
						null, 1, 1, 1_200, at)),
				Arguments.of("categories-pushed", new CategoriesPushed("3222348440", PUSH, 3, 2, 1, at,
						at.plusSeconds(4), 4_000)),
				Arguments.of("category-conflict-detected", new CategoryConflictDetected("3222348440",
						UUID.fromString("9a4f0c2e-71b3-4d6a-b0c8-5e2f3a1d4c77"), 41000111, "both_modified",
						"Water Heaters (local)", "Water Heaters & Boilers", at, at.plusSeconds(60))),
				Arguments.of("lead-created", new LeadCreated("3222348440", LEAD, "Dana Whitfield", "Whitfield Pools",
						"dana@example.com", "2085550142", "website", "new", new BigDecimal("18000.00"), "user-7", null,
						"user-7", at)),
				Arguments.of("lead-created", new LeadCreated("3222348440", LEAD, "Lead 88000001", null, null, null, "other",
						"new", null, null, 88000001L, "servicetitan", at)),
				Arguments.of("lead-converted", new LeadConverted("3222348440", LEAD, ACCOUNT,
						UUID.fromString("2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091"), OPPORTUNITY, "SALES", true, false,
						"user-7", at)),
				Arguments.of("lead-converted", new LeadConverted("3222348440", LEAD, ACCOUNT,
						UUID.fromString("2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091"), OPPORTUNITY, "INSTALL", true, true,
						"user-7", at, "Whitfield Pools", "dana@example.com", "2085550142", "1 Oak St", "Boise", "ID",
						"83702")),
				Arguments.of("field-command", new FieldCommand(COMMAND, "3222348440", FieldAction.CREATE_CUSTOMER,
						-900000000000001L, new FieldWrite("Whitfield Pools", "Residential",
								new StAddress("1 Oak St", null, "Boise", "ID", "83702", "USA"), null, null, null, null, null,
								null, null, null, null, null, "dana@example.com", "2085550142"),
						"crm-account:" + ACCOUNT, "user-7", at)),
				Arguments.of("opportunity-closed", new OpportunityClosed("3222348440", OPPORTUNITY, "won", "Sales",
						"Job Sold", "Pool install", new BigDecimal("42000.00"), ACCOUNT, 70000001L, 73000001L, "pipeline",
						at)),
				Arguments.of("opportunity-closed", new OpportunityClosed("3222348440", OPPORTUNITY, "lost", "Install",
						"Estimate Lost", "Pump", null, null, null, null, "user-7", at)),
				Arguments.of("task-assigned", new TaskAssigned("3222348440",
						UUID.fromString("4d5e6f70-8192-4a3b-8c4d-5e6f708192a3"), "Call back", "follow_up", "high",
						at.plusSeconds(86_400), "America/Boise", "user-9", "user-7", "user-7", "opportunity", OPPORTUNITY,
						at)),
				Arguments.of("task-assigned", new TaskAssigned("3222348440",
						UUID.fromString("4d5e6f70-8192-4a3b-8c4d-5e6f708192a3"), "Call back", "to_do", "medium", null, null,
						"user-9", null, "user-7", null, null, at)),
				Arguments.of("case-opened", new CaseOpened("3222348440",
						UUID.fromString("5e6f7081-92a3-4b4c-9d5e-6f708192a3b4"), 17, "warranty", "Pump leaks", "urgent", "new",
						ACCOUNT, null, at.plusSeconds(4 * 3_600), "user-7", at)));
	}

	private static CategoryWrite rename() {
		return new CategoryWrite("Water Heaters & Boilers", 41000101L, 2, null,
				UUID.fromString("1b2c3d4e-5f60-4718-9a0b-c1d2e3f4a5b6"), true, null, null);
	}

	private static StService service(Instant at) {
		return new StService(51000001L, "PL-WH-INST", "Water heater install", "<p>Remove and install</p>",
				List.of(new StService.Category(41000111L, "Water Heaters", true)), new BigDecimal("1895.00"),
				new BigDecimal("1795.00"), new BigDecimal("1695.00"), new BigDecimal("640.00"), new BigDecimal("4.5"),
				true, true, 5001L, "https://example.com/wh.jpg", at, at);
	}

	private static StMaterial material(Instant at) {
		return new StMaterial(52000001L, "PL-FLEX-18", "Flex connector 18in", null, List.of(41000121L),
				new BigDecimal("24.00"), new BigDecimal("22.00"), new BigDecimal("20.00"), new BigDecimal("6.15"), "Each",
				true, true, null, null, at, at);
	}

	private static StEquipment equipment(Instant at) {
		return new StEquipment(53000001L, "PL-TKL-199", "Tankless 199k BTU", "<p>Condensing</p>", List.of(),
				new BigDecimal("3450.00"), new BigDecimal("3300.00"), new BigDecimal("3200.00"),
				new BigDecimal("1890.00"), "Rinnai", "RU199iN", true, at, at);
	}

	@Test
	void wrapsEverySkuInTheSameEnvelope() throws Exception {

		var at = Instant.parse("2026-03-01T10:15:30.123Z");
		var run = UUID.randomUUID();
		var service = new StRecordFetched<>("3222348440", run, SyncType.FULL, at, service(at));
		var material = new StRecordFetched<>("3222348440", run, SyncType.FULL, at, material(at));
		var equipment = new StRecordFetched<>("3222348440", run, SyncType.FULL, at, equipment(at));

		for (var fetched : List.of(service, material, equipment)) {
			var text = json.writeValueAsString(fetched);
			assertThat(schema("st-record-fetched").validate(schemaJson.readTree(text))).as(text).isEmpty();
		}
		assertThat(json.readValue(json.writeValueAsString(material),
				new tools.jackson.core.type.TypeReference<StRecordFetched<StMaterial>>() {
				})).isEqualTo(material);
	}

	@Test
	void wrapsALocationInTheSameEnvelope() throws Exception {

		var at = Instant.parse("2026-03-01T10:15:30.123Z");
		var location = new StLocation(71000001L, 70000001L, true, "Home",
				new StAddress("418 Orchard Ln", null, "Boise", "ID", "83702", "USA"), at, at);
		var fetched = new StRecordFetched<>("3222348440", UUID.randomUUID(), SyncType.FULL, at, location);
		var text = json.writeValueAsString(fetched);

		assertThat(schema("st-record-fetched").validate(schemaJson.readTree(text))).as(text).isEmpty();
		var back = json.readValue(text, new tools.jackson.core.type.TypeReference<StRecordFetched<StLocation>>() {
		});
		assertThat(back).isEqualTo(fetched);
	}

	@Test
	void wrapsEveryServiceTitanRecordInOneEnvelope() throws Exception {

		var at = Instant.parse("2026-03-01T10:15:30.123Z");
		var fetched = new StRecordFetched<>("3222348440", UUID.randomUUID(), SyncType.INCREMENTAL, at, job(at));
		var text = json.writeValueAsString(fetched);

		assertThat(schema("st-record-fetched").validate(schemaJson.readTree(text))).as(text).isEmpty();
		var back = json.readValue(text, new tools.jackson.core.type.TypeReference<StRecordFetched<StJob>>() {
		});
		assertThat(back).isEqualTo(fetched);
	}

	private static StCustomer customer(Instant at) {
		return new StCustomer(70000001L, true, "Dana Whitfield", "Residential",
				new StAddress("418 Orchard Ln", null, "Boise", "ID", "83702", "USA"),
				List.of(new StContact(88100001L, "MobilePhone", "2085550142", "cell"),
						new StContact(88100002L, "Email", "dana@example.com", null)),
				null, at, at);
	}

	private static StJob job(Instant at) {
		return new StJob(72000001L, "72000001", 70000001L, 71000001L, "Scheduled", null, 5001L, 1400L, 1, 72000101L,
				new BigDecimal("1895.00"), List.of(73000001L), "<p>Replace pump</p>", at, at);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("contracts")
	void serialisesToJsonItsSchemaAccepts(String schema, Object event) throws Exception {

		var text = json.writeValueAsString(event);
		var errors = schema(schema).validate(schemaJson.readTree(text));

		assertThat(errors).as(text).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("contracts")
	void readsBackEqual(String schema, Object event) {
		assertThat(json.readValue(json.writeValueAsString(event), event.getClass())).isEqualTo(event);
	}

	@Test
	void ignoresFieldsAddedByNewerProducers() {

		var text = """
				{"tenantId":"1","syncRunId":"0d5e3b7a-6a51-4f57-9c3e-0b1f1c1f2a10","count":3,"created":1,
				 "updated":1,"deactivated":1,"addedLater":{"nested":true}}""";

		assertThat(json.readValue(text, CategoriesSynced.class).count()).isEqualTo(3);
	}

	@Test
	void schemaRejectsAPayloadMissingARequiredField() throws Exception {

		var errors = schema("categories-synced").validate(schemaJson.readTree("{\"tenantId\":\"1\",\"count\":3}"));

		assertThat(errors).isNotEmpty();
	}

	@Test
	void schemaRejectsACommandWithAnUnknownAction() throws Exception {

		var errors = schema("st-command").validate(schemaJson.readTree("""
				{"commandId":"3c9e2f4a-8b1d-4e6f-a2c3-7d5b9e0f1a22","tenantId":"1","action":"RENAME_SERVICE",
				 "stId":1,"issuedAt":"2026-03-01T10:15:30Z"}"""));

		assertThat(errors).isNotEmpty();
	}

	@Test
	void schemaRejectsATaskOfAnUnknownType() throws Exception {

		var errors = schema("task-assigned").validate(schemaJson.readTree("""
				{"tenantId":"1","taskId":"4d5e6f70-8192-4a3b-8c4d-5e6f708192a3","title":"Call","type":"chore",
				 "priority":"low","assigneeId":"user-9","assignedBy":"user-7","relatedType":null,
				 "assignedAt":"2026-03-01T10:15:30Z"}"""));

		assertThat(errors).hasSize(1);
	}

	private static com.networknt.schema.JsonSchema schema(String name) throws Exception {

		var factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
				builder -> builder.schemaMappers(m -> m.mapPrefix("https://lazi.io/schemas/", SCHEMAS.toUri().toString())));
		var config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
		assertThat(Files.exists(SCHEMAS.resolve(name + ".schema.json"))).isTrue();
		return factory.getSchema(SchemaLocation.of("https://lazi.io/schemas/" + name + ".schema.json"), config);
	}
}
