package io.lazi.faultharness;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import io.lazi.platform.events.Topics;

/**
 * The CRM workload of a run (docs/fault-harness.md): tenant {@value #TENANT} gets a synthetic CRM of
 * {@link CrmSizes#customers()} customers in the simulator (its reference data replaced), a full CRM sync runs, then
 * rounds of scripted ServiceTitan edits, each followed by an incremental sync, spread over the fault span. At the end
 * every opportunity and contact crm-pipeline-service serves through the gateway is compared with what
 * {@link CrmOracle} computes from the simulator's final records, and each opportunity's stage moves (its history and
 * its {@code crm.stage-moved} events) must form one chain: no move twice, none missing, ending at its stage.
 */
final class CrmWorkload {

	/** The CRM tenant: the reference tenant, whose CRM data the synthetic one replaces. */
	static final String TENANT = "3222348440";

	/** Invariant names, as the report prints them. */
	static final String OPPORTUNITIES = "CRM opportunities where the pipeline rules put them for ServiceTitan's final records";

	static final String CONTACTS = "CRM contacts show ServiceTitan's final customers and contacts";

	static final String STAGE_EVENT_IDS = "no duplicate crm.stage-moved (by ce_id)";

	static final String STAGE_TWICE = "no stage move announced or recorded twice (crm.stage-moved per key, stage history)";

	static final String STAGE_CHAIN = "each opportunity's stage moves form one chain ending at its stage";

	private final SimulatorClient simulator;

	private final PlatformClient crm;

	private final CrmSizes sizes;

	private final long seed;

	private final Consumer<String> say;

	private final Consumer<String> sync;

	/**
	 * @param say prints one line of the run's progress
	 * @param sync starts a CRM sync of the given type ({@code full}, {@code incremental}) and waits for it, as a
	 * user would (again when it fails)
	 */
	CrmWorkload(SimulatorClient simulator, PlatformClient crm, CrmSizes sizes, long seed, Consumer<String> say,
			Consumer<String> sync) {

		this.simulator = simulator;
		this.crm = crm;
		this.sizes = sizes;
		this.seed = seed;
		this.say = say;
		this.sync = sync;
	}

	/** Replaces the tenant's CRM in ServiceTitan by the synthetic one; before the stack's first CRM sync. */
	void install() {

		var counts = simulator.admin("POST", "/admin/tenants/" + TENANT + "/synthetic-crm",
				Map.of("customers", sizes.customers(), "seed", seed));
		say.accept("crm: synthetic tenant %s %s".formatted(TENANT, counts));
	}

	/** The full sync, then each edit round and its incremental sync, the rounds spread evenly over {@code span}. */
	void run(Instant start, Duration span) {

		var began = Instant.now();
		sync.accept("full");
		say.accept("crm: full sync of %d customers took %d s".formatted(sizes.customers(),
				Duration.between(began, Instant.now()).toSeconds()));
		for (var round = 1; round <= sizes.editRounds(); round++) {
			var due = start.plus(span.multipliedBy(round).dividedBy(sizes.editRounds() + 1L));
			while (Instant.now().isBefore(due)) {
				Pause.of(Duration.ofMillis(500));
			}
			var edits = simulator.admin("POST", "/admin/tenants/" + TENANT + "/synthetic-crm/edits",
					Map.of("count", sizes.editsPerRound(), "seed", seed * 100 + round));
			say.accept("crm round %d: ServiceTitan edits %s".formatted(round, edits));
			var synced = Instant.now();
			sync.accept("incremental");
			say.accept("crm round %d: incremental sync took %d s".formatted(round,
					Duration.between(synced, Instant.now()).toSeconds()));
		}
	}

	/** Waits until crm-pipeline-service shows what the rules give for ServiceTitan's records, or {@code timeout}. */
	void awaitConverged(Duration timeout) {

		var began = Instant.now();
		var deadline = began.plus(timeout);
		var oracle = new CrmOracle(simulator.admin("GET", "/admin/tenants/" + TENANT + "/crm", null));
		var reported = began;
		while (Instant.now().isBefore(deadline)) {
			var differences = new ArrayList<>(opportunityDifferences(oracle, opportunities()));
			differences.addAll(contactDifferences(oracle));
			if (differences.isEmpty()) {
				say.accept("crm: converged %d s after the last sync".formatted(
						Duration.between(began, Instant.now()).toSeconds()));
				return;
			}
			if (Instant.now().isAfter(reported.plusSeconds(30))) {
				say.accept("crm: %d differences left, e.g. %s".formatted(differences.size(), differences.getFirst()));
				reported = Instant.now();
			}
			Pause.of(Duration.ofSeconds(3));
		}
	}

	/** Checks every CRM invariant into {@code report}. */
	void check(Report report, EventLog kafka) {

		var oracle = new CrmOracle(simulator.admin("GET", "/admin/tenants/" + TENANT + "/crm", null));
		var opportunities = opportunities();
		report.check(OPPORTUNITIES, Report.Kind.LOST, opportunityDifferences(oracle, opportunities));
		report.check(CONTACTS, Report.Kind.LOST, contactDifferences(oracle));

		var stageByOpportunity = new HashMap<String, List<String>>();
		opportunities.values().forEach(o -> stageByOpportunity.put(o.path("id").asText(),
				List.of(o.path("stage").asText(), o.path("stageName").asText())));
		var events = kafka.read(Topics.CRM_STAGE_MOVED).stream()
			.filter(e -> e.key() != null && e.key().startsWith(TENANT + ":")).toList();
		report.events(events.size());
		var twice = new ArrayList<String>();
		var broken = new ArrayList<String>();
		var ids = new HashSet<String>();
		var announced = new LinkedHashMap<String, List<Move>>();
		var republished = new ArrayList<String>();
		for (var event : events) {
			if (!ids.add(Objects.toString(event.header("ce_id")))) {
				republished.add(event.key() + " ce_id " + event.header("ce_id") + " again at offset " + event.offset());
				continue;
			}
			var payload = json(event.value());
			announced.computeIfAbsent(event.key().substring(TENANT.length() + 1), k -> new ArrayList<>())
				.add(new Move(text(payload, "fromStage"), text(payload, "toStage"), "offset " + event.offset()));
		}
		report.check(STAGE_EVENT_IDS, Report.Kind.DUPLICATED, republished);
		announced.forEach((id, moves) -> chain("crm.stage-moved of " + id, moves, stageByOpportunity.get(id), twice, broken));
		history().forEach((id, moves) -> chain("history of " + id, moves, stageByOpportunity.get(id), twice, broken));
		stageByOpportunity.keySet().stream().filter(id -> !announced.containsKey(id))
			.forEach(id -> broken.add("opportunity " + id + " was never announced on crm.stage-moved"));
		report.check(STAGE_TWICE, Report.Kind.DUPLICATED, twice);
		report.check(STAGE_CHAIN, Report.Kind.REORDERED, broken);
	}

	/** One stage move: from ({@code null} when the opportunity was created) and to, and where it was seen. */
	record Move(String from, String to, String where) {
	}

	/**
	 * Moves of one opportunity, oldest first: each must start where the previous one ended (the first from
	 * nowhere), and the last end at {@code stage} (its key or name); a move equal to the previous one is the same
	 * move twice.
	 */
	static void chain(String what, List<Move> moves, List<String> stage, List<String> twice, List<String> broken) {

		Move previous = null;
		for (var move : moves) {
			if (previous != null && Objects.equals(previous.from(), move.from()) && Objects.equals(previous.to(), move.to())) {
				twice.add(what + ": " + move.from() + " → " + move.to() + " twice (" + previous.where() + ", " + move.where() + ")");
			}
			else if (!Objects.equals(previous == null ? null : previous.to(), move.from())) {
				broken.add(what + ": " + move.from() + " → " + move.to() + " (" + move.where() + ") after "
						+ (previous == null ? "nothing" : previous.from() + " → " + previous.to()));
			}
			previous = move;
		}
		if (previous != null && (stage == null || !stage.contains(previous.to()))) {
			broken.add(what + ": last move ends at " + previous.to() + ", the opportunity is "
					+ (stage == null ? "missing" : "at " + stage.getFirst()));
		}
	}

	private List<String> opportunityDifferences(CrmOracle oracle, Map<Long, JsonNode> served) {

		var differences = new ArrayList<String>();
		var now = Instant.now();
		for (var customer : oracle.customers()) {
			var expected = oracle.expected(customer, now).orElse(null);
			var actual = served.get(customer);
			if (expected == null) {
				if (actual != null) {
					differences.add("customer " + customer + ": opportunity at " + actual.path("stage").asText()
							+ ", the rules give none");
				}
				continue;
			}
			if (actual == null) {
				differences.add("customer " + customer + ": no opportunity, the rules give " + expected.stage());
				continue;
			}
			var value = actual.path("monetaryValue").isNull() || actual.path("monetaryValue").isMissingNode() ? null
					: actual.path("monetaryValue").decimalValue();
			var sameValue = expected.value() == null ? value == null : value != null && expected.value().compareTo(value) == 0;
			var got = List.of(actual.path("pipeline").asText(), actual.path("stage").asText(), actual.path("status").asText(),
					actual.path("title").asText());
			var want = List.of(expected.pipeline(), expected.stage(), expected.status(), expected.title());
			if (!got.equals(want) || !sameValue) {
				differences.add("customer " + customer + ": served " + got + " " + value + ", the rules give " + want + " "
						+ expected.value());
			}
		}
		var known = new HashSet<>(oracle.customers());
		served.keySet().stream().filter(id -> !known.contains(id))
			.forEach(id -> differences.add("customer " + id + " is not in ServiceTitan but has an opportunity"));
		return differences;
	}

	private List<String> contactDifferences(CrmOracle oracle) {

		var served = new HashMap<Long, JsonNode>();
		pages("/api/crm/contacts").forEach(c -> served.put(c.path("stCustomerId").asLong(), c));
		var differences = new ArrayList<String>();
		for (var customer : oracle.customers()) {
			var expected = oracle.contact(customer);
			var actual = served.get(customer);
			if (actual == null) {
				differences.add("customer " + customer + " '" + expected.name() + "' has no contact");
				continue;
			}
			var got = new CrmOracle.Contact(actual.path("name").asText(), text(actual, "email"), text(actual, "phone"));
			if (!got.equals(expected)) {
				differences.add("customer " + customer + ": contact " + got + ", ServiceTitan has " + expected);
			}
		}
		return differences;
	}

	/** Every opportunity the tenant has, by ServiceTitan customer. */
	private Map<Long, JsonNode> opportunities() {

		var byCustomer = new HashMap<Long, JsonNode>();
		pages("/api/crm/opportunities").forEach(o -> byCustomer.put(o.path("stCustomerId").asLong(), o));
		return byCustomer;
	}

	/** Every opportunity's stage history, oldest move first, by opportunity id. */
	private Map<String, List<Move>> history() {

		var moves = new LinkedHashMap<String, List<Move>>();
		var all = pages("/api/crm/activity");
		for (var index = all.size() - 1; index >= 0; index--) {
			var entry = all.get(index);
			moves.computeIfAbsent(entry.path("opportunityId").asText(), k -> new ArrayList<>())
				.add(new Move(text(entry, "fromStage"), text(entry, "toStage"), "at " + entry.path("movedAt").asText()));
		}
		return moves;
	}

	private List<JsonNode> pages(String path) {

		var items = new ArrayList<JsonNode>();
		for (var page = 0;; page++) {
			var response = crm.get(path + "?size=500&page=" + page);
			// The gateway's per-tenant rate limit answers 429 to a burst of pages: wait, as a user would, and read again.
			for (var tries = 0; response.status() == 429 && tries < 60; tries++) {
				Pause.of(Duration.ofSeconds(1));
				response = crm.get(path + "?size=500&page=" + page);
			}
			var json = response.json();
			json.path("items").forEach(items::add);
			if (page + 1 >= json.path("totalPages").asInt(0)) {
				return items;
			}
		}
	}

	private static String text(JsonNode node, String field) {
		return node.path(field).isNull() || node.path(field).isMissingNode() ? null : node.path(field).asText();
	}

	private static JsonNode json(String value) {

		try {
			return Http.JSON.readTree(value == null ? "{}" : value);
		}
		catch (java.io.IOException ex) {
			return Http.JSON.createObjectNode();
		}
	}
}
