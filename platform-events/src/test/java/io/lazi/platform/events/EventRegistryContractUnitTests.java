package io.lazi.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The registry ({@link Events}), the JSON Schemas in {@code docs/events/} and the AsyncAPI document
 * {@code docs/asyncapi.yaml} say the same: every type is a message named after its {@code ce_type} on the
 * channel of its topic, with the key rule the channel states and a schema whose properties and required
 * fields are the components of its record; every topic has a channel.
 */
class EventRegistryContractUnitTests {

	private static final String PACKAGE = Events.class.getPackageName();

	private final ContractDocs docs = ContractDocs.load();

	@Test
	void documentsEveryTypeAsAMessageOfItsTopicsChannel() {

		var problems = new ArrayList<String>();
		for (var type : Events.all()) {
			var onChannel = messagesOn(type.topic());
			if (!onChannel.containsKey(type.name())) {
				problems.add(type.name() + " is no message of the channel of " + type.topic() + " " + onChannel.keySet());
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void documentsNoMessageTheRegistryLacks() {

		var problems = new ArrayList<String>();
		docs.channels().forEach((name, channel) -> channel.path("messages").forEach(ref -> {
			var message = docs.message(ref).path("name").asText();
			var type = Events.find(message);
			if (type.isEmpty() || !type.get().topic().equals(channel.path("address").asText())) {
				problems.add("channel " + name + " documents " + message + ", which the registry has "
						+ type.map(t -> "on " + t.topic()).orElse("nowhere"));
			}
		}));
		docs.messages().forEach((name, message) -> {
			if (Events.find(message.path("name").asText()).isEmpty()) {
				problems.add("message " + name + " is named " + message.path("name").asText() + ", no registered type");
			}
		});
		assertThat(problems).isEmpty();
	}

	@Test
	void givesEveryTopicAChannelAndARegisteredType() throws Exception {

		var topics = new TreeSet<String>();
		for (var field : Topics.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				topics.add((String) field.get(null));
			}
		}
		var addresses = docs.channels().values().stream().map(c -> c.path("address").asText()).collect(Collectors.toSet());

		assertThat(addresses).containsExactlyInAnyOrderElementsOf(topics);
		assertThat(Events.topics()).containsExactlyInAnyOrderElementsOf(topics);
	}

	@Test
	void statesTheKeyRuleOfEveryTypeOnItsChannel() {

		var problems = new ArrayList<String>();
		for (var type : Events.all()) {
			var description = channel(type.topic()).path("description").asText();
			if (!description.contains("Key `" + type.keyRule().pattern() + "`")) {
				problems.add(type.topic() + " does not state key `" + type.keyRule().pattern() + "` of " + type.name());
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void pointsEveryMessageAtTheSchemaOfItsRecord() {

		var problems = new ArrayList<String>();
		for (var type : Events.all()) {
			var message = messagesOn(type.topic()).get(type.name());
			var ref = message == null ? "" : message.path("payload").path("$ref").asText();
			var title = docs.schema(ref).map(s -> s.path("title").asText()).orElse("no schema at '" + ref + "'");
			if (!title.equals(type.payloadClass().getSimpleName())) {
				problems.add(type.name() + " carries " + type.payloadClass().getSimpleName() + " but documents " + title);
			}
			if (type.payloadType() instanceof ParameterizedType generic) {
				var record = (Class<?>) generic.getActualTypeArguments()[0];
				var alternatives = new ArrayList<String>();
				docs.schema(ref).orElseThrow().path("properties").path("record").path("oneOf")
					.forEach(alternative -> docs.schema(alternative.path("$ref").asText())
						.ifPresent(s -> alternatives.add(s.path("title").asText())));
				if (!alternatives.contains(record.getSimpleName())) {
					problems.add(type.name() + " carries a " + record.getSimpleName() + " record, not among " + alternatives);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void describesEveryRecordWithItsSchemasPropertiesAndRequiredFields() throws Exception {

		var problems = new ArrayList<String>();
		for (var entry : docs.schemas().entrySet()) {
			var title = entry.getValue().path("title").asText();
			Class<?> record;
			try {
				record = Class.forName(PACKAGE + "." + title);
			}
			catch (ClassNotFoundException ex) {
				problems.add(entry.getKey() + " has title " + title + ", which is no record of " + PACKAGE);
				continue;
			}
			compare(title, record, entry.getValue(), problems);
		}
		var titles = docs.schemas().values().stream().map(s -> s.path("title").asText()).collect(Collectors.toSet());
		for (var type : Events.all()) {
			if (!titles.contains(type.payloadClass().getSimpleName())) {
				problems.add(type.payloadClass().getSimpleName() + " of " + type.name() + " has no schema");
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void keysRecordsByTheirRule() {

		var at = Instant.parse("2026-03-01T10:15:30Z");
		var moved = new OpportunityStageMoved("3222348440",
				UUID.fromString("5b0c1c7e-3f7c-4a51-8f0e-2d6f1f0e9a11"), null, null, "Sales", "Contacted",
				"open", "job-created", null, 7L, 10L, null, at);
		var job = new StRecordFetched<>("3222348440", UUID.randomUUID(), SyncType.FULL, at,
				new StJob(72000001L, null, 7, null, "Scheduled", null, 5, null, null, null, null, null, null, at, at));

		assertThat(Events.CRM_STAGE_MOVED.key(moved)).isEqualTo("3222348440:5b0c1c7e-3f7c-4a51-8f0e-2d6f1f0e9a11");
		assertThat(Events.JOB_FETCHED.key(job)).isEqualTo("3222348440:72000001");
		assertThat(Events.SYNC_STARTED.key(new SyncStarted("3222348440", UUID.randomUUID(), "crm",
				SyncType.FULL, at))).isEqualTo("3222348440");
	}

	@Test
	void bindsEveryChannelToItsTopicAsTheChartProvisionsIt() {

		var topics = docs.chartValues().path("kafka").path("topics");
		var problems = new ArrayList<String>();
		docs.channels().forEach((name, channel) -> {
			var address = channel.path("address").asText();
			var kafka = channel.path("bindings").path("kafka");
			var provisioned = StreamSupport.stream(topics.path("list").spliterator(), false)
				.filter(entry -> entry.path("name").asText().equals(address)).findFirst();
			if (provisioned.isEmpty()) {
				problems.add(address + " is not in kafka.topics.list");
				return;
			}
			var expected = Map.of("topic", address,
					"partitions", setting(provisioned.get(), topics.path("defaults"), "partitions"),
					"replicas", setting(provisioned.get(), topics.path("defaults"), "replicas"),
					"retention.ms", setting(provisioned.get().path("config"), topics.path("defaults").path("config"), "retention.ms"));
			var documented = Map.of("topic", kafka.path("topic").asText(), "partitions", kafka.path("partitions").asText(),
					"replicas", kafka.path("replicas").asText(),
					"retention.ms", kafka.path("topicConfiguration").path("retention.ms").asText());
			if (!documented.equals(expected) || !kafka.path("bindingVersion").asText().equals("0.5.0")) {
				problems.add("channel " + name + " binds " + documented + ", the chart provisions " + expected);
			}
		});
		assertThat(problems).isEmpty();
	}

	@Test
	void bindsEveryMessageToTheRecordKeyOfItsRule() {

		var problems = new ArrayList<String>();
		for (var type : Events.all()) {
			var message = messagesOn(type.topic()).get(type.name());
			var key = docs.resolve(message.path("bindings")).path("kafka").path("key");
			if (!key.path("description").asText().startsWith("`" + type.keyRule().pattern() + "`")
					|| !key.path("type").asText().equals("string")) {
				problems.add(type.name() + " binds key " + key + ", not the string `" + type.keyRule().pattern() + "`");
			}
			key.path("examples").forEach(example -> {
				if (!example.asText().matches(key.path("pattern").asText())) {
					problems.add(type.name() + ": example key " + example + " does not match " + key.path("pattern"));
				}
			});
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void describesTheTraceContextInTheHeadersOfEveryMessage() {

		var headers = docs.at("/components/messageTraits/cloudEvent/headers/properties");
		var traceparent = headers.path("traceparent");
		assertThat(traceparent.path("examples")).isNotEmpty()
			.allSatisfy(example -> assertThat(example.asText()).matches(traceparent.path("pattern").asText()));
		assertThat("00-" + "0".repeat(31) + "1-" + "0".repeat(15) + "1-01").matches(traceparent.path("pattern").asText());
		assertThat("4bf92f3577b34da6a3ce929d0e0e4736").doesNotMatch(traceparent.path("pattern").asText());
		var tenant = headers.path("ce_tenantid").path("pattern").asText();
		assertThat(List.of("3222348440", "1", "12345678901234567890", "32223a8440", ""))
			.allSatisfy(candidate -> assertThat(candidate.matches(tenant)).as(candidate).isEqualTo(TenantId.isValid(candidate)));
		assertThat(docs.messages()).allSatisfy((name, message) -> assertThat(message.path("traits").findValuesAsText("$ref"))
			.as(name).containsExactly("#/components/messageTraits/cloudEvent"));
	}

	@Test
	void namesTheRequiredFieldsAPayloadLacks() {

		var at = Instant.parse("2026-03-01T10:15:30Z");
		var customer = new StRecordFetched<>("3222348440", UUID.randomUUID(), SyncType.FULL, at,
				new StCustomer(7, true, null, null, null, List.of(), null, null, null));

		assertThat(Events.CUSTOMER_FETCHED.missingFields(customer)).containsExactly("record.name");
		assertThat(Events.CUSTOMER_FETCHED.missingFields(new StRecordFetched<>(null, null, null, at, null)))
			.containsExactly("tenantId", "syncRunId", "syncType", "record");
	}

	/** Properties are the record's components; required are its non-primitive, non-{@code @Nullable} ones. */
	private void compare(String where, Class<?> record, JsonNode schema, List<String> problems) {

		var components = Arrays.stream(record.getRecordComponents()).collect(Collectors.toMap(RecordComponent::getName, c -> c));
		var properties = names(schema.path("properties").fieldNames());
		if (!properties.equals(components.keySet())) {
			problems.add(where + ": schema properties " + new TreeSet<>(properties) + " but " + record.getSimpleName()
					+ " components " + new TreeSet<>(components.keySet()));
		}
		var required = new TreeSet<String>();
		schema.path("required").forEach(name -> required.add(name.asText()));
		var nonNull = components.values().stream().filter(c -> !RequiredFields.optional(c) || c.getType().isPrimitive())
			.map(RecordComponent::getName)
			.collect(Collectors.toCollection(TreeSet::new));
		if (!required.equals(nonNull)) {
			problems.add(where + ": schema requires " + required + " but " + record.getSimpleName() + " requires " + nonNull);
		}
		for (var component : components.values()) {
			var property = schema.path("properties").path(component.getName());
			var nested = contractRecord(component.getGenericType());
			if (nested != null && property.has("properties")) {
				compare(where + "." + component.getName(), nested, property, problems);
			}
			else if (nested != null && property.path("items").has("properties")) {
				compare(where + "." + component.getName() + "[]", nested, property.path("items"), problems);
			}
		}
	}

	/** The contract record {@code type} is, or holds as its element type. */
	private static Class<?> contractRecord(Type type) {

		var candidate = type instanceof ParameterizedType generic && generic.getActualTypeArguments().length == 1
				? generic.getActualTypeArguments()[0] : type;
		return candidate instanceof Class<?> c && c.isRecord() && c.getPackageName().equals(PACKAGE) ? c : null;
	}

	/** {@code name} of a topic's entry, else of the chart's defaults, as text. */
	private static String setting(JsonNode entry, JsonNode defaults, String name) {
		return (entry.has(name) ? entry : defaults).path(name).asText();
	}

	private JsonNode channel(String topic) {
		return docs.channels().values().stream().filter(c -> c.path("address").asText().equals(topic)).findFirst()
			.orElseThrow(() -> new AssertionError("no channel for " + topic));
	}

	/** Messages of the channel of {@code topic}, by name. */
	private Map<String, JsonNode> messagesOn(String topic) {

		var messages = new HashMap<String, JsonNode>();
		docs.channels().values().stream().filter(c -> c.path("address").asText().equals(topic))
			.forEach(c -> c.path("messages").forEach(ref -> {
				var message = docs.message(ref);
				messages.put(message.path("name").asText(), message);
			}));
		return messages;
	}

	private static Set<String> names(Iterator<String> names) {

		var set = new TreeSet<String>();
		names.forEachRemaining(set::add);
		return set;
	}
}
