package io.lazi.localstack.bench;

import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lazi.localstack.scenario.ServiceClient;
import io.lazi.localstack.scenario.SyncException;

/**
 * {@code ./lazi bench change} against a running stack: how long a change made in ServiceTitan takes to reach a
 * browser once the incremental pull has it, the poll interval excluded. {@code changes} times: renames one of
 * {@value #TARGETS} subcategories of one root of the tenant (the root of median size; active, neither pending nor in
 * conflict) in the simulator ({@code PATCH /admin/tenants/{tenant}/categories/{id}}, a ServiceTitan-side change that bumps
 * its {@code modifiedOn}), starts an incremental pull through the gateway ({@code POST
 * /api/sync/pricebook/incremental}) and waits, on a WebSocket of the tenant opened through the gateway, for the
 * {@code pricebook:categories:updated} of that subcategory with the new name; each subcategory is renamed away and
 * back in turn, so the names end as they began (a last unmeasured rename restores any left renamed, also when a
 * sample fails; a name a killed run left renamed is taken back by the next run's first rename of it). Two runs on one
 * tenant at a time would rename the same subcategories: run one at a time.
 *
 * <p>The clock starts at the run's {@code startedAt} ({@code GET /api/sync/pricebook/runs/{id}}): st-ingest's
 * clock when it recorded the run, right before the run's first step, the page of the category list that fetches
 * the changed root. The fetch's own time travels only inside {@code st.raw.categories}, which no browser-facing
 * API shows, so {@code startedAt} is the closest honest start: the figure includes the list call and is an upper
 * bound of fetch → receipt. The message's {@code time} (pricebook's outbox row of the change) splits it in two: the
 * pull and the apply up to pricebook's commit, then the fan-out from there. The time from the bench's request is
 * printed beside it (it adds the gateway and the run's bookkeeping). A rename that another run (a scheduled pull)
 * picked up first is not counted, and another is made. Times in ms. Output is for a terminal.
 *
 * @param gateway calls through the gateway as an ADMIN of the tenant
 * @param simulator the simulator's admin API
 * @param gatewayUrl the gateway's base URL, for the WebSocket
 * @param token the ADMIN token of {@code gateway}, for the WebSocket
 */
public record ChangeBench(ServiceClient gateway, ServiceClient simulator, String gatewayUrl, String token) {

	/** The p99 target, ms. */
	public static final long TARGET_MILLIS = 250;

	/** Subcategories renamed in turn, all in one root. */
	static final int TARGETS = 5;

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * What a rename of this benchmark appends ({@code " [<run>-<sample>]"}): a run that was killed before it renamed
	 * back left it, and this run's first rename of that subcategory takes it away.
	 */
	private static final Pattern BENCH_SUFFIX = Pattern.compile("( \\[[0-9a-z]+-[0-9]+\\])+$");

	private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

	private static final long MAX_MICROS = Duration.ofMinutes(1).toNanos() / 1000;

	/**
	 * What the renames showed.
	 *
	 * @param changes renames measured
	 * @param p50Millis from the run's {@code startedAt} to the WebSocket's receipt, median, ms
	 * @param p99Millis the same, 99th percentile, ms
	 * @param maxMillis the same, largest, ms
	 * @param toEventP50Millis from {@code startedAt} to pricebook's outbox row of the change (the message's {@code time}),
	 *        median, ms
	 * @param fromEventP50Millis from that row to the receipt, median, ms
	 * @param requestP50Millis from sending the pull's request to the receipt, median, ms
	 * @param requestP99Millis the same, 99th percentile, ms
	 * @param superseded renames another run picked up first, made again
	 * @param maxRootsPerPull the most roots one measured pull fetched (1 unless other roots changed within the overlap)
	 * @param leftPending of the renamed subcategories, those pending or in conflict afterwards
	 */
	public record Result(int changes, double p50Millis, double p99Millis, double maxMillis, double toEventP50Millis,
			double fromEventP50Millis, double requestP50Millis, double requestP99Millis, int superseded, int maxRootsPerPull,
			int leftPending) {

		/** p99 within {@link #TARGET_MILLIS} and nothing left pending or in conflict. */
		public boolean met() {
			return p99Millis <= TARGET_MILLIS && leftPending == 0;
		}
	}

	/**
	 * One subcategory renamed back and forth, with its root and its ServiceTitan name without any suffix a benchmark
	 * gave it; {@code renamed} while ServiceTitan's name is another.
	 */
	private static final class Target {

		private final long rootStId;

		private final long stId;

		private final String original;

		private boolean renamed;

		Target(long rootStId, long stId, String name) {
			this.rootStId = rootStId;
			this.stId = stId;
			this.original = BENCH_SUFFIX.matcher(name).replaceAll("");
			this.renamed = !name.equals(original);
		}
	}

	/**
	 * Runs the benchmark and prints its figures to {@code out}.
	 *
	 * @param changes renames to measure
	 * @throws SyncException when the stack does not answer as expected or a rename never reaches the socket
	 * @throws InterruptedException when interrupted
	 */
	public Result run(int changes, PrintWriter out) throws InterruptedException {

		var targets = targets();
		var pendingBefore = gateway.fetch("/api/pricebook/categories/pending").path("count").asInt();
		out.printf(Locale.ROOT, "Renaming %d times, in turn, subcategories %s of root %d of tenant %s in the simulator%n",
				changes, targets.stream().map(t -> Long.toString(t.stId)).toList(), targets.getFirst().rootStId,
				gateway.tenant());
		var expected = new ConcurrentHashMap<String, CompletableFuture<Receipt>>();
		var subscribed = new CountDownLatch(1);
		var fromStart = new Histogram(MAX_MICROS, 3);
		var fromRequest = new Histogram(MAX_MICROS, 3);
		var toEvent = new Histogram(MAX_MICROS, 3);
		var fromEvent = new Histogram(MAX_MICROS, 3);
		var rootsFetched = new Histogram(3);
		var superseded = 0;
		var tag = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
		try (var http = HttpClient.newHttpClient();
				var socket = GatewaySocket.open(http, gatewayUrl, token, gateway.tenant(), Duration.ofSeconds(10),
						(nanos, text) -> {
							if (text.contains("\"subscribed\"")) {
								subscribed.countDown();
							}
							if (text.contains("pricebook:categories:updated")) {
								var message = parse(text);
								var data = message.path("data");
								var waiting = expected.get(key(data.path("stId").asLong(), data.path("name").asText()));
								if (waiting != null) {
									waiting.complete(new Receipt(nanos, micros(Instant.parse(message.path("time").asText()))));
								}
							}
						})) {
			if (!subscribed.await(10, TimeUnit.SECONDS)) {
				throw new SyncException("The WebSocket of tenant " + gateway.tenant() + " was never subscribed");
			}
			try {
				for (var i = 0; fromStart.getTotalCount() < changes; i++) {
					var target = targets.get(i % targets.size());
					var name = target.renamed ? target.original : truncate(target.original, 230) + " [" + tag + "-" + i + "]";
					var receipt = new CompletableFuture<Receipt>();
					expected.put(key(target.stId, name), receipt);
					rename(target, name);
					var requested = System.nanoTime();
					var runId = startIncremental();
					if (runId == null) {
						// Another run was going: when it fetched the rename, this sample is not the pull we time.
						awaitIdle();
						if (receipt.isDone()) {
							superseded++;
							continue;
						}
						requested = System.nanoTime();
						runId = startIncremental();
						if (runId == null) {
							throw new SyncException("An incremental sync of tenant " + gateway.tenant() + " stayed busy");
						}
					}
					var received = await(receipt, target, name);
					var receivedMicros = GatewaySocket.epochMicros(received.nanos());
					var run = awaitRun(runId);
					var startMicros = micros(Instant.parse(run.path("startedAt").asText()));
					rootsFetched.recordValue(run.path("rootCount").asInt());
					fromStart.recordValue(Math.clamp(receivedMicros - startMicros, 0, MAX_MICROS));
					toEvent.recordValue(Math.clamp(received.eventMicros() - startMicros, 0, MAX_MICROS));
					fromEvent.recordValue(Math.clamp(receivedMicros - received.eventMicros(), 0, MAX_MICROS));
					fromRequest.recordValue(Math.clamp((received.nanos() - requested) / 1000, 0, MAX_MICROS));
				}
			}
			catch (RuntimeException | InterruptedException ex) {
				// The names go back even when a sample failed; what failed is what the caller hears.
				try {
					restore(targets, expected);
				}
				catch (RuntimeException restoring) {
					ex.addSuppressed(restoring);
				}
				throw ex;
			}
			restore(targets, expected);
		}
		var leftPending = leftPending(targets);
		var pendingAfter = gateway.fetch("/api/pricebook/categories/pending").path("count").asInt();
		var result = new Result((int) fromStart.getTotalCount(), millis(fromStart, 50), millis(fromStart, 99),
				fromStart.getMaxValue() / 1000.0, millis(toEvent, 50), millis(fromEvent, 50), millis(fromRequest, 50),
				millis(fromRequest, 99), superseded, (int) rootsFetched.getMaxValue(), leftPending);
		out.printf(Locale.ROOT, "%,d renames: from the run's startedAt to the WebSocket p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
				result.changes(), result.p50Millis(), result.p99Millis(), result.maxMillis());
		out.printf(Locale.ROOT, "  of which startedAt -> pricebook's outbox row (the message's time; list call, st-ingest's outbox "
				+ "and relay, Kafka, pricebook's apply) p50 %.0f ms, p99 %.0f ms; that row -> WebSocket (pricebook's relay, Kafka, "
				+ "notification-service, gateway) p50 %.0f ms, p99 %.0f ms%n", millis(toEvent, 50), millis(toEvent, 99),
				millis(fromEvent, 50), millis(fromEvent, 99));
		out.printf(Locale.ROOT, "From the pull's request: p50 %.0f ms, p99 %.0f ms; %d renames another run picked up first, "
				+ "made again%n", result.requestP50Millis(), result.requestP99Millis(), superseded);
		out.printf(Locale.ROOT, "Roots each pull fetched: %d to %d (those changed within st-ingest's incremental overlap, two "
				+ "minutes: a run within two minutes of other renames carries their roots too)%n", rootsFetched.getMinValue(),
				rootsFetched.getMaxValue());
		out.printf(Locale.ROOT, "Names restored in the simulator and the tree; the renamed subcategories pending or in conflict: "
				+ "%d; the tenant's pending items before %d, after %d%n", leftPending, pendingBefore, pendingAfter);
		out.printf(Locale.ROOT, "Target p99 <= %d ms: %s%n", TARGET_MILLIS, result.met() ? "met" : "missed");
		return result;
	}

	/**
	 * {@value #TARGETS} subcategories of one root, active, neither pending nor in conflict, named as in ServiceTitan
	 * (but for a suffix a killed run left): of the root whose subtree is the tenant's median size, else of the next
	 * closest to it. One root, because an incremental pull lists again every root changed within its overlap (two
	 * minutes): renames spread over roots would make every pull carry all of them.
	 */
	private List<Target> targets() {

		var parents = new HashMap<Long, Long>();
		var stNames = new HashMap<Long, String>();
		for (var category : simulator.fetch("/admin/tenants/" + gateway.tenant() + "/categories")) {
			var id = category.path("id").asLong();
			stNames.put(id, category.path("name").asText());
			if (!category.path("parentId").isNull()) {
				parents.put(id, category.path("parentId").asLong());
			}
		}
		var sizes = new HashMap<Long, Integer>();
		for (var id : parents.keySet()) {
			var root = id;
			while (parents.containsKey(root)) {
				root = parents.get(root);
			}
			sizes.merge(root, 1, Integer::sum);
		}
		var bySize = sizes.values().stream().sorted().toList();
		if (bySize.isEmpty()) {
			throw new SyncException("Tenant " + gateway.tenant() + " has no subcategories in the simulator");
		}
		var median = bySize.get(bySize.size() / 2);
		var roots = sizes.keySet().stream()
			.sorted(Comparator.comparingInt((Long root) -> Math.abs(sizes.get(root) - median)).thenComparing(root -> root))
			.toList();
		for (var root : roots) {
			var targets = new ArrayList<Target>();
			for (var node : gateway.fetch("/api/pricebook/categories/" + root + "/subcategories/flat?size=500").path("items")) {
				var stId = node.path("stId").asLong();
				var name = node.path("name").asText();
				if (node.path("active").asBoolean() && !node.path("pending").asBoolean() && node.path("conflictId").isNull()
						&& name.equals(node.path("st").path("name").asText()) && name.equals(stNames.get(stId))
						&& targets.size() < TARGETS) {
					targets.add(new Target(root, stId, name));
				}
			}
			if (targets.size() == TARGETS) {
				return targets;
			}
		}
		throw new SyncException("Tenant " + gateway.tenant() + " has no root with " + TARGETS + " subcategories in step with "
				+ "ServiceTitan and nothing pending; is the pricebook synced (./lazi up)?");
	}

	private void rename(Target target, String name) {

		simulator.fetch("PATCH", "/admin/tenants/" + gateway.tenant() + "/categories/" + target.stId,
				JSON.createObjectNode().put("name", name).toString());
		target.renamed = !name.equals(target.original);
	}

	/** The run id of a new incremental pull; {@code null} when one is going already (409). */
	private String startIncremental() {

		var accepted = gateway.sendPolitely("POST", "/api/sync/pricebook/incremental", null);
		if (accepted.statusCode() == 409) {
			return null;
		}
		if (accepted.statusCode() != 202) {
			throw gateway.unexpected("POST /api/sync/pricebook/incremental", accepted);
		}
		return ServiceClient.json(accepted).path("syncRunId").asText();
	}

	/** Waits until no pricebook run of the tenant is going. */
	private void awaitIdle() {

		var deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
		while (!gateway.fetch("/api/sync/pricebook/status").path("running").isNull()) {
			if (System.nanoTime() > deadline) {
				throw new SyncException("A pricebook sync of tenant " + gateway.tenant() + " ran longer than " + RUN_TIMEOUT);
			}
			ServiceClient.pause(Duration.ofMillis(50));
		}
	}

	/** The finished run {@code runId}; it must have completed. */
	private JsonNode awaitRun(String runId) {

		var deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
		while (true) {
			var run = gateway.fetch("/api/sync/pricebook/runs/" + runId);
			if (!"RUNNING".equals(run.path("status").asText())) {
				if (!"COMPLETED".equals(run.path("status").asText())) {
					throw new SyncException("Sync run " + runId + " " + run.path("status").asText() + ": " + run.path("error"));
				}
				return run;
			}
			if (System.nanoTime() > deadline) {
				throw new SyncException("Sync run " + runId + " did not finish within " + RUN_TIMEOUT.toSeconds() + " s");
			}
			ServiceClient.pause(Duration.ofMillis(50));
		}
	}

	private static Receipt await(CompletableFuture<Receipt> receipt, Target target, String name) throws InterruptedException {

		try {
			return receipt.get(RECEIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new SyncException("The rename of subcategory " + target.stId + " to '" + name + "' did not reach the "
					+ "WebSocket within " + RECEIPT_TIMEOUT.toSeconds() + " s");
		}
	}

	/**
	 * Renames back what is left renamed and pulls once, so that ServiceTitan and the tree end with the names they
	 * began with; waits for the tree (the socket) when it can.
	 */
	private void restore(List<Target> targets, Map<String, CompletableFuture<Receipt>> expected) throws InterruptedException {

		var receipts = new ArrayList<CompletableFuture<Receipt>>();
		for (var target : targets) {
			if (target.renamed) {
				var receipt = new CompletableFuture<Receipt>();
				expected.put(key(target.stId, target.original), receipt);
				receipts.add(receipt);
				rename(target, target.original);
			}
		}
		if (receipts.isEmpty()) {
			return;
		}
		awaitIdle();
		var runId = startIncremental();
		if (runId != null) {
			awaitRun(runId);
		}
		try {
			CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).get(RECEIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new SyncException("The names restored in the simulator did not all reach the tree within "
					+ RECEIPT_TIMEOUT.toSeconds() + " s; the next incremental sync brings them");
		}
	}

	/** Of the targets, how many are pending or in conflict now. */
	private int leftPending(List<Target> targets) {

		var ids = new HashSet<Long>();
		var roots = new LinkedHashSet<Long>();
		targets.forEach(t -> {
			ids.add(t.stId);
			roots.add(t.rootStId);
		});
		var left = 0;
		for (var root : roots) {
			for (var node : gateway.fetch("/api/pricebook/categories/" + root + "/subcategories/flat?size=500").path("items")) {
				if (ids.contains(node.path("stId").asLong())
						&& (node.path("pending").asBoolean() || !node.path("conflictId").isNull())) {
					left++;
				}
			}
		}
		return left;
	}

	/**
	 * A rename's message on the socket.
	 *
	 * @param nanos its {@link System#nanoTime()} of receipt
	 * @param eventMicros its {@code time}: pricebook's outbox row, µs since the epoch
	 */
	private record Receipt(long nanos, long eventMicros) {
	}

	private static long micros(Instant instant) {
		return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
	}

	private static String key(long stId, String name) {
		return stId + "\n" + name;
	}

	private static JsonNode parse(String message) {

		try {
			return JSON.readTree(message);
		}
		catch (JsonProcessingException ex) {
			throw new SyncException("The WebSocket sent a message that is not JSON: " + message, ex);
		}
	}

	private static double millis(Histogram histogram, double percentile) {
		return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}
}
