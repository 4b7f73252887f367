package io.lazi.faultharness;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.lazi.platform.events.Topics;

/**
 * One run of the fault harness (docs/fault-harness.md): a synthetic pricebook tenant synced, edited in
 * ServiceTitan and synced again round after round, overrides pushed back, WebSocket clients dropping and
 * resuming, a synthetic CRM tenant synced and edited round after round ({@link CrmWorkload}), and poison records written, all while a seeded
 * {@link FaultSchedule} runs; then the faults end, the platform gets a last incremental sync, and the
 * invariants of issue 15 are checked against the simulator's final state into a {@link Report}.
 */
public final class ChaosRun {

	/** The tenant whose pricebook the harness replaces by a synthetic one (one the stack already knows). */
	public static final String PRICEBOOK_TENANT = "1000000002";

	/** The tenant whose CRM is synced: the reference tenant, its CRM replaced by a synthetic one ({@link CrmWorkload}). */
	public static final String CRM_TENANT = CrmWorkload.TENANT;

	/** Invariant names, as the report prints them. */
	static final String TREE = "pricebook tree equals ServiceTitan's";

	static final String PENDING = "every override pushed (none left pending)";

	static final String EVENT_IDS = "no duplicate pricebook.changed (by ce_id)";

	static final String EVENT_CONTENT = "no duplicate pricebook.changed (by content, per key)";

	static final String EVENT_ORDER = "last pricebook.changed per key matches the final tree";

	static final String WS_DUPLICATES = "no WebSocket event id delivered twice to one client";

	static final String WS_REPUBLISHED = "no WebSocket client got an event twice because it was published twice";

	static final String WS_GAPS = "each WebSocket client saw every event of its tenant or got resync";

	static final String DLT = "DLTs hold only the injected poison, with original topic/partition/offset";

	static final String POISON = "every injected poison record reached its DLT";

	static final String PUSH_ONCE = "every pushed change reached ServiceTitan exactly once";

	static final String PUSH_429 = "no pushed item failed because of a 429";

	static final String SYNCS = "every sync completed (retried as a user would)";

	/**
	 * Where and how the run reaches the stack.
	 *
	 * @param gateways the base URLs of every gateway instance
	 * @param simulatorUrl the simulator's base URL
	 * @param bootstrapServers the Kafka broker
	 * @param kafkaProperties the harness's Kafka client settings (credentials on the stack's own broker)
	 * @param token a user token (ADMIN of both tenants), fresh enough to use
	 * @param userToken the same for a user of that name: each WebSocket client is a user of its own, since
	 * notification-service allows a user 10 sessions and 30 handshakes a minute
	 * @param processes the process faults
	 */
	public record Target(List<String> gateways, String simulatorUrl, String bootstrapServers,
			Map<String, ?> kafkaProperties, Supplier<String> token, Function<String, String> userToken,
			ProcessFaults processes) {
	}

	private final Target target;

	private final Sizes sizes;

	private final long seed;

	private final PrintStream out;

	private final Report report = new Report();

	private final SimulatorClient simulator;

	private final PlatformClient pricebook;

	private final PlatformClient crm;

	private final EventLog kafka;

	private final CrmWorkload crmWorkload;

	private final List<EventLog.Poison> poison = new ArrayList<>();

	/** What the push phase changed: id → expected ServiceTitan outcome, and created names. */
	private final Map<Long, String> pushed = new LinkedHashMap<>();

	private final Set<String> created = new HashSet<>();

	private final Set<Long> deleted = new HashSet<>();

	private final List<String> syncTrouble = new ArrayList<>();

	/** When the run began: each line it prints says how long after. */
	private Instant began = Instant.now();

	public ChaosRun(Target target, Sizes sizes, long seed, PrintStream out) {

		this.target = target;
		this.sizes = sizes;
		this.seed = seed;
		this.out = out;
		this.simulator = new SimulatorClient(target.simulatorUrl());
		this.pricebook = new PlatformClient(target.gateways(), target.token(), PRICEBOOK_TENANT);
		this.crm = new PlatformClient(target.gateways(), target.token(), CRM_TENANT);
		this.kafka = new EventLog(target.bootstrapServers(), target.kafkaProperties());
		this.crmWorkload = new CrmWorkload(simulator, crm, sizes.crm(), seed, line -> say("%s", line),
				type -> sync(crm, "crm", type));
	}

	/** Runs the workload under the fault schedule, heals, checks, prints, and answers the report. */
	public Report run() {

		began = Instant.now();
		simulator.clearFaults();
		simulator.admin("DELETE", "/admin/faults/lost-answers", null);
		simulator.admin("POST", "/admin/tenants/" + PRICEBOOK_TENANT + "/synthetic",
				Map.of("categories", sizes.categories(), "seed", seed));
		crmWorkload.install();
		var schedule = FaultSchedule.draw(seed, sizes.span(), sizes.faults(), target.processes().instances(),
				target.processes().canRestartBroker(), target.processes().canRestartDatabase(), sizes.freeze(), sizes.stFault());
		out.printf("seed %d: %d categories, %d x %d edits, %d overrides, %d clients; %d faults over %d s%n", seed,
				sizes.categories(), sizes.editRounds(), sizes.editsPerRound(),
				sizes.renames() + sizes.moves() + sizes.creates() + sizes.deletes(), sizes.clients(), schedule.faults().size(),
				sizes.span().toSeconds());

		var clients = new ArrayList<SocketClient>();
		var wsUrls = target.gateways().stream().map(g -> g.replaceFirst("^http", "ws")).toList();
		for (var n = 0; n < sizes.clients(); n++) {
			var name = "client-" + n;
			var client = new SocketClient(name, wsUrls, () -> target.userToken().apply("fault-harness-" + name),
					PRICEBOOK_TENANT, seed * 1_000 + n, sizes.meanDrop());
			client.start();
			clients.add(client);
		}
		var workloadStart = Instant.now();
		try (var injector = new FaultInjector(schedule, target.processes(), simulator, PRICEBOOK_TENANT, out)) {
			injector.start();
			var crmRun = Thread.ofVirtual().name("crm-workload").start(() -> crmWorkload.run(workloadStart, sizes.span()));
			sync(pricebook, "pricebook", "full");
			for (var round = 1; round <= sizes.editRounds(); round++) {
				var edits = simulator.admin("POST", "/admin/tenants/" + PRICEBOOK_TENANT + "/synthetic/edits",
						Map.of("count", sizes.editsPerRound(), "seed", seed * 100 + round));
				say("round %d: ServiceTitan edits %s", round, edits);
				if (round == 1) {
					injectPoison();
				}
				sync(pricebook, "pricebook", "incremental");
			}
			// A user edits the tree once it shows ServiceTitan's last edits; editing a node whose newer
			// ServiceTitan version is still on its way is a conflict, which the platform rightly keeps.
			if (!awaitConverged(Duration.ofMinutes(sizes.categories() > 1_000 ? 10 : 3))) {
				syncTrouble.add("the tree did not show ServiceTitan's edits before the overrides");
			}
			pushOverrides();
			awaitPushed(Duration.ofMinutes(sizes.categories() > 1_000 ? 10 : 3));
			say("pushed");
			checkNo429Failures();
			join(crmRun);
			// Faults spread over the span: let the rest fire before healing.
			var spanEnd = workloadStart.plus(sizes.span());
			while (Instant.now().isBefore(spanEnd)) {
				Pause.of(Duration.ofSeconds(1));
			}
			say("healing: faults end, every process back");
			injector.finish();
			say("healed");
			report.faults(injector.injected().size());
			injector.errors().forEach(error -> out.println("  (fault harness) " + error));
		}
		// A user's last moves once things work again: retry what failed, pull once more.
		repushFailed();
		awaitPushed(Duration.ofMinutes(3));
		sync(pricebook, "pricebook", "incremental");
		awaitConverged(Duration.ofMinutes(3));
		sync(crm, "crm", "incremental");
		crmWorkload.awaitConverged(Duration.ofMinutes(sizes.crm().customers() > 1_000 ? 10 : 2));
		say("converged; checking");
		Pause.of(Duration.ofSeconds(5));
		clients.forEach(SocketClient::close);
		var workloadEnd = Instant.now();

		check(clients, workloadEnd);
		out.printf("run took %d s%n", Duration.between(began, Instant.now()).toSeconds());
		return report;
	}

	/** Prints one line of progress, with the seconds since the run began. */
	private void say(String format, Object... args) {
		out.printf("  t+%-4d %s%n", Duration.between(began, Instant.now()).toSeconds(), String.format(format, args));
	}

	// --- Workload -------------------------------------------------------------------------------------------

	/** Starts a sync and waits until it completes, starting it again when it fails or hangs, as a user would. */
	private void sync(PlatformClient client, String area, String type) {

		var deadline = Instant.now().plus(Duration.ofMinutes(sizes.categories() > 1_000 ? 20 : 6));
		var attempts = 0;
		while (Instant.now().isBefore(deadline)) {
			var started = client.post("/api/sync/" + area + "/" + type, null);
			if (started.status() == 409 || !started.ok()) {
				Pause.of(Duration.ofSeconds(2));
				continue;
			}
			attempts++;
			var runId = started.json().path("syncRunId").asText();
			var runDeadline = Instant.now().plus(Duration.ofMinutes(sizes.categories() > 1_000 ? 10 : 3));
			while (Instant.now().isBefore(runDeadline)) {
				var run = client.get("/api/sync/" + area + "/runs/" + runId).json();
				var status = run.path("status").asText();
				if ("COMPLETED".equals(status)) {
					if ("pricebook".equals(area)) {
						awaitApplied(runId);
					}
					say("%s %s sync of %s completed (attempt %d)", area, type, client.tenant(), attempts);
					return;
				}
				if ("FAILED".equals(status)) {
					say("%s %s sync of %s failed: %s; again", area, type, client.tenant(), run.path("error").asText());
					break;
				}
				Pause.of(Duration.ofSeconds(1));
			}
		}
		syncTrouble.add(area + " " + type + " sync of " + client.tenant() + " did not complete in " + attempts + " attempts");
	}

	/** Waits (up to a minute) until pricebook-service has applied the run ({@code lastSyncRunId}). */
	private void awaitApplied(String runId) {

		var deadline = Instant.now().plus(Duration.ofMinutes(1));
		while (Instant.now().isBefore(deadline)) {
			if (runId.equals(pricebook.get("/api/pricebook/categories/stats").json().path("lastSyncRunId").asText())) {
				return;
			}
			Pause.of(Duration.ofMillis(500));
		}
	}

	private void injectPoison() {

		// Keys no ServiceTitan id uses (created categories count up from 90,000,001).
		poison.add(kafka.poison(Topics.ST_RAW_CATEGORIES, PRICEBOOK_TENANT + ":" + (99_000_000 + 10 * seed)));
		poison.add(kafka.poison(Topics.ST_RAW_CATEGORIES, PRICEBOOK_TENANT + ":" + (99_000_001 + 10 * seed)));
		poison.add(kafka.poison(Topics.ST_RAW_CUSTOMERS, CRM_TENANT + ":" + (99_000_002 + 10 * seed)));
		say("poison records written: %s", poison);
	}

	/**
	 * Overrides on disjoint parts of the tree: moves, creates and deletes each under a parent no other change
	 * touches (their siblings' positions may be pushed too), renames of nodes outside those families, so that
	 * every category ServiceTitan receives is written exactly once.
	 */
	private void pushOverrides() {

		var random = new Random(seed);
		var st = simulator.categories(PRICEBOOK_TENANT);
		var children = new HashMap<Long, List<Long>>();
		st.values().forEach(c -> {
			if (!c.path("parentId").isNull()) {
				children.computeIfAbsent(c.path("parentId").asLong(), k -> new ArrayList<>()).add(c.path("id").asLong());
			}
		});
		var depth = depths(st);
		// Active nodes only: what a user edits (the API refuses to move or create under an inactive one).
		var ids = new ArrayList<>(st.keySet().stream().filter(id -> st.get(id).path("active").asBoolean()).toList());
		ids.sort(Comparator.naturalOrder());
		var used = new HashSet<Long>();
		Function<Long, Boolean> free = id -> !used.contains(id);
		var families = new Object() {
			void take(long parent) {
				used.add(parent);
				used.addAll(children.getOrDefault(parent, List.of()));
			}
		};
		var failures = new ArrayList<String>();
		var tries = 0;
		var moves = 0;
		var creates = 0;
		var deletes = 0;
		while ((moves < sizes.moves() || creates < sizes.creates() || deletes < sizes.deletes()) && tries++ < 50 * ids.size()) {
			var id = ids.get(random.nextInt(ids.size()));
			var node = st.get(id);
			var parent = node.path("parentId").isNull() ? null : node.path("parentId").asLong();
			var leaf = children.getOrDefault(id, List.of()).isEmpty();
			if (moves < sizes.moves() && leaf && parent != null && free.apply(id) && free.apply(parent)) {
				var destination = ids.get(random.nextInt(ids.size()));
				if (destination.equals(parent) || destination.equals(id) || !free.apply(destination)
						|| depth.get(destination) >= 8) {
					continue;
				}
				var position = children.getOrDefault(destination, List.of()).size() + 1;
				var response = pricebook.post("/api/pricebook/categories/subcategories/" + id + "/reorder",
						Map.of("position", position, "parentStId", destination));
				families.take(parent);
				families.take(destination);
				used.add(id);
				if (response.ok()) {
					pushed.put(id, "parent " + destination);
					moves++;
				}
				else {
					failures.add("move " + id + ": " + response.status() + " " + response.body());
				}
			}
			else if (creates < sizes.creates() && free.apply(id) && depth.get(id) < 8) {
				var name = "Harness create " + seed + "-" + creates;
				var response = pricebook.post("/api/pricebook/categories/" + id + "/subcategories", Map.of("name", name));
				families.take(id);
				if (response.status() == 201) {
					created.add(name);
					creates++;
				}
				else {
					failures.add("create under " + id + ": " + response.status() + " " + response.body());
				}
			}
			else if (deletes < sizes.deletes() && leaf && parent != null && free.apply(id) && free.apply(parent)) {
				var response = pricebook.delete("/api/pricebook/categories/subcategories/" + id);
				families.take(parent);
				used.add(id);
				if (response.ok()) {
					deleted.add(id);
					pushed.put(id, "deleted");
					deletes++;
				}
				else {
					failures.add("delete " + id + ": " + response.status() + " " + response.body());
				}
			}
		}
		var renames = 0;
		for (var id : ids) {
			if (renames >= sizes.renames()) {
				break;
			}
			var node = st.get(id);
			if (node.path("parentId").isNull() || !free.apply(id) || !free.apply(node.path("parentId").asLong())) {
				continue;
			}
			var name = "Harness rename " + seed + "-" + renames;
			var response = pricebook.post("/api/pricebook/categories/subcategories/" + id + "/override", Map.of("name", name));
			used.add(id);
			if (response.ok()) {
				pushed.put(id, "name " + name);
				renames++;
			}
			else {
				failures.add("rename " + id + ": " + response.status() + " " + response.body());
			}
		}
		say("overrides: %d renames, %d moves, %d creates, %d deletes%s", renames, moves, creates, deletes,
				failures.isEmpty() ? "" : "; refused: " + failures.subList(0, Math.min(3, failures.size())));
		var push = pricebook.post("/api/pricebook/categories/push", null);
		say("push: %d %s", push.status(), push.body());
	}

	/** Waits until nothing is pending, pushing again every 20 s while something is (a user's retry). */
	private void awaitPushed(Duration timeout) {

		var deadline = Instant.now().plus(timeout);
		var lastPush = Instant.now();
		while (Instant.now().isBefore(deadline)) {
			var pending = pricebook.get("/api/pricebook/categories/pending").json();
			if (pending.path("count").asInt(-1) == 0) {
				return;
			}
			if (Instant.now().isAfter(lastPush.plusSeconds(20))) {
				pricebook.post("/api/pricebook/categories/push", null);
				lastPush = Instant.now();
			}
			Pause.of(Duration.ofSeconds(2));
		}
	}

	/** A 429 means ServiceTitan did nothing: the command is re-queued, never failed. */
	private void checkNo429Failures() {

		var violations = new ArrayList<String>();
		for (var error : pricebook.get("/api/pricebook/categories/errors").json()) {
			if (error.path("stStatus").asInt() == 429) {
				violations.add("item " + error.path("stId").asLong() + " failed with 429: " + error.path("message").asText());
			}
		}
		report.check(PUSH_429, Report.Kind.LOST, violations);
	}

	/** Once the faults are over: the auto-fix of every push error, as a user would click it. */
	private void repushFailed() {

		for (var error : pricebook.get("/api/pricebook/categories/errors").json()) {
			pricebook.post("/api/pricebook/categories/errors/" + error.path("id").asText() + "/auto-fix", null);
		}
		pricebook.post("/api/pricebook/categories/push", null);
	}

	/** Waits until pricebook-service's tree equals ServiceTitan's, or {@code timeout}. */
	/** Waits until pricebook's tree equals ServiceTitan's; {@code false} if it did not in time. */
	private boolean awaitConverged(Duration timeout) {

		var deadline = Instant.now().plus(timeout);
		while (!treeDifferences(simulator.categories(PRICEBOOK_TENANT)).isEmpty()) {
			if (Instant.now().isAfter(deadline)) {
				return false;
			}
			Pause.of(Duration.ofSeconds(sizes.categories() > 1_000 ? 5 : 1));
		}
		return true;
	}

	private static void join(Thread thread) {

		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	// --- Checks ---------------------------------------------------------------------------------------------

	private void check(List<SocketClient> clients, Instant workloadEnd) {

		var st = simulator.categories(PRICEBOOK_TENANT);
		report.check(SYNCS, Report.Kind.LOST, syncTrouble);
		report.check(TREE, Report.Kind.LOST, treeDifferences(st));
		var pending = new ArrayList<String>();
		pricebook.get("/api/pricebook/categories/pending").json().path("items")
			.forEach(item -> pending.add(item.path("stId").asLong() + " " + item.path("name").asText() + " "
					+ item.path("pendingFields") + " error " + item.path("pushError")));
		report.check(PENDING, Report.Kind.LOST, pending);
		checkPush(st);

		var changed = kafka.read(Topics.PRICEBOOK_CHANGED).stream()
			.filter(e -> e.key() != null && e.key().startsWith(PRICEBOOK_TENANT + ":")).toList();
		var syncEvents = kafka.read(Topics.SYNC_EVENTS).stream()
			.filter(e -> e.key() != null && e.key().startsWith(PRICEBOOK_TENANT)).toList();
		report.events(changed.size() + syncEvents.size());
		checkChangedEvents(changed, st);
		var publishedTwice = new HashSet<String>();
		var seen = new HashSet<String>();
		changed.forEach(e -> {
			if (!seen.add(Objects.toString(e.header("ce_id")))) {
				publishedTwice.add(e.header("ce_id"));
			}
		});
		checkSockets(clients, changed, publishedTwice, workloadEnd);
		checkDeadLetters();
		crmWorkload.check(report, kafka);
	}

	/**
	 * Records of one key that repeat: the same ce_id again ({@code byId}), or else the same type and payload
	 * as the key's previous record under another ce_id (one change announced twice).
	 */
	private static List<String> repeatedPerKey(List<EventLog.Event> events, boolean byId) {

		var repeated = new ArrayList<String>();
		var ids = new HashSet<String>();
		var previousByKey = new HashMap<String, EventLog.Event>();
		for (var event : events) {
			var previous = previousByKey.put(event.key(), event);
			if (!ids.add(Objects.toString(event.header("ce_id")))) {
				if (byId) {
					repeated.add(event.key() + " ce_id " + event.header("ce_id") + " again at offset " + event.offset());
				}
			}
			else if (previous != null && Objects.equals(previous.header("ce_type"), event.header("ce_type"))
					&& Objects.equals(previous.value(), event.value())) {
				repeated.add(event.key() + " " + event.header("ce_type") + " at offsets " + previous.offset() + " and "
						+ event.offset() + ": " + event.value());
			}
		}
		return repeated;
	}

	/** Differences between pricebook-service's tree (read through the gateway) and ServiceTitan's. */
	private List<String> treeDifferences(Map<Long, JsonNode> st) {

		var local = pricebookTree();
		var differences = new ArrayList<String>();
		var depth = depths(st);
		for (var entry : st.entrySet()) {
			var id = entry.getKey();
			var expected = entry.getValue();
			var actual = local.get(id);
			if (actual == null) {
				differences.add("ServiceTitan category " + id + " '" + expected.path("name").asText() + "' missing");
				continue;
			}
			var parent = expected.path("parentId").isNull() ? null : expected.path("parentId").asLong();
			compare(differences, id, "name", expected.path("name").asText(), actual.path("name").asText());
			compare(differences, id, "parent", parent, actual.path("parentStId").isNull() ? null : actual.path("parentStId").asLong());
			compare(differences, id, "depth", depth.get(id), actual.path("depth").asInt());
			compare(differences, id, "path", path(st, id), actual.path("path").asText());
			compare(differences, id, "position", expected.path("position").asInt(), actual.path("position").asInt());
			compare(differences, id, "image", expected.path("image").isNull() ? null : expected.path("image").asText(),
					actual.path("imagePath").isNull() ? null : actual.path("imagePath").asText());
			compare(differences, id, "active", expected.path("active").asBoolean(), actual.path("active").asBoolean());
		}
		local.forEach((id, node) -> {
			if (!st.containsKey(id) && node.path("active").asBoolean()) {
				differences.add("category " + id + " '" + node.path("name").asText() + "' is gone from ServiceTitan but active");
			}
		});
		return differences;
	}

	private static void compare(List<String> differences, long id, String field, Object expected, Object actual) {

		if (!Objects.equals(expected, actual)) {
			differences.add("category " + id + " " + field + ": ServiceTitan " + expected + ", pricebook " + actual);
		}
	}

	/** Every node pricebook-service shows for the tenant (roots and descendants, inactive included), by id. */
	private Map<Long, JsonNode> pricebookTree() {

		var nodes = new HashMap<Long, JsonNode>();
		var roots = pages("/api/pricebook/categories?active=all");
		for (var root : roots) {
			nodes.put(root.path("stId").asLong(), root);
			for (var node : pages("/api/pricebook/categories/" + root.path("stId").asLong() + "/subcategories/flat?active=all")) {
				nodes.put(node.path("stId").asLong(), node);
			}
		}
		return nodes;
	}

	private List<JsonNode> pages(String path) {

		var items = new ArrayList<JsonNode>();
		for (var page = 0;; page++) {
			var json = pricebook.get(path + (path.contains("?") ? "&" : "?") + "size=500&page=" + page).json();
			json.path("items").forEach(items::add);
			if (page + 1 >= json.path("totalPages").asInt(0)) {
				return items;
			}
		}
	}

	private static Map<Long, Integer> depths(Map<Long, JsonNode> st) {

		var depths = new HashMap<Long, Integer>();
		for (var id : st.keySet()) {
			var level = 0;
			for (var node = st.get(id); node != null && !node.path("parentId").isNull(); node = st.get(node.path("parentId").asLong())) {
				level++;
			}
			depths.put(id, level);
		}
		return depths;
	}

	private static String path(Map<Long, JsonNode> st, long id) {

		var ids = new ArrayList<String>();
		for (var node = st.get(id); node != null; node = node.path("parentId").isNull() ? null : st.get(node.path("parentId").asLong())) {
			ids.addFirst(String.valueOf(node.path("id").asLong()));
		}
		return String.join(".", ids);
	}

	/** The simulator's write counts: each pushed change once, each create once, no category written twice. */
	private void checkPush(Map<Long, JsonNode> st) {

		var writes = simulator.writes(PRICEBOOK_TENANT);
		var lost = new ArrayList<String>();
		var twice = new ArrayList<String>();
		pushed.forEach((id, change) -> {
			if (writes.getOrDefault(id, 0) == 0) {
				lost.add("category " + id + " (" + change + ") never reached ServiceTitan");
			}
		});
		writes.forEach((id, count) -> {
			if (count > 1) {
				twice.add("category " + id + " written " + count + " times"
						+ (pushed.containsKey(id) ? " (" + pushed.get(id) + ")" : ""));
			}
		});
		var names = new HashMap<String, Integer>();
		SimulatorClient.names(st).forEach(name -> names.merge(name, 1, Integer::sum));
		for (var name : created) {
			var count = names.getOrDefault(name, 0);
			if (count == 0) {
				lost.add("created '" + name + "' is not in ServiceTitan");
			}
			else if (count > 1) {
				twice.add("created '" + name + "' is " + count + " times in ServiceTitan");
			}
		}
		pushed.forEach((id, change) -> {
			var node = st.get(id);
			if (change.equals("deleted") ? node != null : node == null
					|| change.startsWith("name ") && !node.path("name").asText().equals(change.substring(5))
					|| change.startsWith("parent ") && node.path("parentId").asLong() != Long.parseLong(change.substring(7))) {
				lost.add("category " + id + ": ServiceTitan does not show the pushed " + change);
			}
		});
		report.check(PUSH_ONCE + " (lost)", Report.Kind.LOST, lost);
		report.check(PUSH_ONCE + " (written twice)", Report.Kind.DUPLICATED, twice);
	}

	private void checkChangedEvents(List<EventLog.Event> changed, Map<Long, JsonNode> st) {

		var ids = new HashMap<String, Integer>();
		changed.forEach(e -> ids.merge(Objects.toString(e.header("ce_id")), 1, Integer::sum));
		var duplicateIds = new ArrayList<String>();
		ids.forEach((id, count) -> {
			if (count > 1) {
				duplicateIds.add("ce_id " + id + " published " + count + " times");
			}
		});
		report.check(EVENT_IDS, Report.Kind.DUPLICATED, duplicateIds);

		var byKey = new LinkedHashMap<String, List<EventLog.Event>>();
		changed.forEach(e -> byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e));
		var stale = new ArrayList<String>();
		var local = pricebookTree();
		byKey.forEach((key, events) -> {
			var last = json(events.getLast().value());
			var id = last.path("stId").asLong();
			var node = local.get(id);
			if (node != null && last.has("path") && st.containsKey(id)) {
				var announced = List.of(last.path("name").asText(), last.path("path").asText(), last.path("position").asInt(),
						Objects.toString(last.path("imagePath").isNull() ? null : last.path("imagePath").asText()),
						last.path("active").asBoolean());
				var finalState = List.of(node.path("name").asText(), node.path("path").asText(), node.path("position").asInt(),
						Objects.toString(node.path("imagePath").isNull() ? null : node.path("imagePath").asText()),
						node.path("active").asBoolean());
				if (!announced.equals(finalState)) {
					stale.add(key + ": last event (" + events.getLast().header("ce_type") + ", offset " + events.getLast().offset()
							+ ") announces " + announced + ", the tree holds " + finalState);
				}
			}
		});
		report.check(EVENT_CONTENT, Report.Kind.DUPLICATED, repeatedPerKey(changed, false));
		report.check(EVENT_ORDER, Report.Kind.REORDERED, stale);
	}

	/**
	 * Per client: no id twice (an event published twice on Kafka is counted by {@link #EVENT_IDS}, its second
	 * delivery here only under {@link #WS_REPUBLISHED}), and no event of the tenant missed since it connected
	 * unless a {@code resync} told it so.
	 */
	private void checkSockets(List<SocketClient> clients, List<EventLog.Event> changed, Set<String> publishedTwice,
			Instant workloadEnd) {

		var duplicates = new ArrayList<String>();
		var republished = new ArrayList<String>();
		var gaps = new ArrayList<String>();
		var delivered = 0L;
		for (var client : clients) {
			client.duplicates().forEach((id, count) -> (publishedTwice.contains(id) ? republished : duplicates)
				.add(client.name() + " got " + id + " " + count + " times, " + client.describe(id)));
			var received = new HashSet<String>();
			client.received().forEach(r -> received.add(r.id()));
			delivered += client.received().size();
			var first = client.firstConnected();
			if (first == null) {
				gaps.add(client.name() + " never connected");
				continue;
			}
			var lastResync = client.resyncs().stream().max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
			var missing = changed.stream()
				.filter(e -> e.timestamp() > first.plusSeconds(3).toEpochMilli() && e.timestamp() > lastResync.toEpochMilli()
						&& e.timestamp() < workloadEnd.minusSeconds(5).toEpochMilli())
				.map(e -> e.header("ce_id"))
				.filter(id -> !received.contains(id))
				.toList();
			if (!missing.isEmpty()) {
				gaps.add(client.name() + " (" + client.connects() + " connects, " + client.resyncs().size() + " resyncs) missed "
						+ missing.size() + " events, e.g. " + missing.getFirst());
			}
		}
		report.events(delivered);
		report.check(WS_DUPLICATES, Report.Kind.DUPLICATED, duplicates);
		report.check(WS_REPUBLISHED, Report.Kind.DUPLICATED, republished);
		report.check(WS_GAPS, Report.Kind.LOST, gaps);
	}

	private void checkDeadLetters() {

		var unexpected = new ArrayList<String>();
		var found = new HashSet<EventLog.Poison>();
		for (var topic : platformTopics()) {
			for (var dead : kafka.read(topic + "-dlt")) {
				var original = new EventLog.Poison(Objects.toString(dead.header("kafka_dlt-original-topic")),
						parse(dead.header("kafka_dlt-original-partition")), parse(dead.header("kafka_dlt-original-offset")),
						dead.key());
				if (poison.contains(original)) {
					found.add(original);
				}
				else {
					unexpected.add(topic + "-dlt offset " + dead.offset() + ": original " + original + ", exception "
							+ dead.header("kafka_dlt-exception-message"));
				}
			}
		}
		report.check(DLT, Report.Kind.LOST, unexpected);
		report.check(POISON, Report.Kind.LOST,
				poison.stream().filter(p -> !found.contains(p)).map(p -> p + " is not in " + p.topic() + "-dlt").toList());
	}

	private static int parse(String value) {

		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static List<String> platformTopics() {

		var topics = new ArrayList<String>();
		for (var field : Topics.class.getFields()) {
			try {
				if (field.getType() == String.class && java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
					topics.add((String) field.get(null));
				}
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return topics;
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
