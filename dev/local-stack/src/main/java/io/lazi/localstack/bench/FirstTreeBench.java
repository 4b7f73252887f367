package io.lazi.localstack.bench;

import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.HdrHistogram.ConcurrentHistogram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lazi.localstack.scenario.ServiceClient;
import io.lazi.localstack.scenario.SyncException;

/**
 * {@code ./lazi bench first-tree} against a running stack: the time from {@code POST /api/sync/pricebook/full}
 * until a browser has the whole tree, and until it has every image. The simulator gives {@code tenant} a copy of
 * {@code referenceTenant}'s pricebook under ids no run has seen (so every node is new to st-ingest and
 * pricebook-service and every subcategory image needs its by-id call, as on an empty database); a WebSocket of
 * the tenant through the gateway, opened before the sync, sees each node's {@code pricebook:categories:updated};
 * once every node of the copy has arrived, the tree is read back through the gateway (each root's flat
 * subcategories) and compared with the simulator's names and positions. The images count as arrived when the
 * socket got one {@code changes: ["image"]} update for each subcategory with an image. Output is for a terminal.
 *
 * @param gateway calls through the gateway as an ADMIN of {@code tenant}
 * @param simulator the simulator's admin API
 * @param gatewayUrl the gateway's base URL, for the WebSocket
 * @param token the ADMIN token of {@code gateway}, for the WebSocket
 * @param referenceTenant the tenant whose pricebook is copied
 */
public record FirstTreeBench(ServiceClient gateway, ServiceClient simulator, String gatewayUrl, String token,
		String referenceTenant) {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final long ID_SPAN = 1_000_000_000L;

	/**
	 * What one run showed; times in milliseconds from the sync request.
	 *
	 * @param roots roots in the copy
	 * @param subcategories subcategories in the copy
	 * @param withImage subcategories with an image
	 * @param treeMillis until the socket had every node and the gateway answered the whole tree
	 * @param imagesMillis until the socket had the last image update
	 * @param imageUpdates {@code changes: ["image"]} updates the socket got for the copy
	 * @param recordsPublishedMs the run's own time until the tree was out (st-ingest)
	 * @param durationMs the run's duration, image fetches included
	 * @param imagesFetched the by-id calls the run made
	 */
	public record Result(int roots, int subcategories, int withImage, long treeMillis, long imagesMillis,
			int imageUpdates, long recordsPublishedMs, long durationMs, int imagesFetched) {

		/** ServiceTitan's bound for the images: 1.1 × by-id calls / 60 per second, ms. */
		public long imageBudgetMillis() {
			return Math.round(1.1 * imagesFetched * 1000 / 60.0);
		}

		/** The tree within 2 s and the images within ServiceTitan's bound, each image reaching the socket. */
		public boolean met() {
			return treeMillis <= 2_000 && imagesMillis <= imageBudgetMillis() && imageUpdates >= withImage;
		}
	}

	/**
	 * Runs the benchmark and prints its figures to {@code out}.
	 *
	 * @throws SyncException when the stack does not answer as expected or the tree read back differs
	 * @throws InterruptedException when interrupted
	 */
	public Result run(PrintWriter out) throws InterruptedException {

		var tenant = gateway.tenant();
		var offset = ID_SPAN * (System.currentTimeMillis() / 1000 % 100_000 + 1);
		var copied = simulator.fetch("POST", "/admin/tenants/" + tenant + "/copy",
				JSON.createObjectNode().put("from", Long.parseLong(referenceTenant)).put("idOffset", offset).toString());
		var expected = new HashMap<Long, JsonNode>();
		for (var category : simulator.fetch("/admin/tenants/" + tenant + "/categories")) {
			expected.put(category.path("id").asLong(), category);
		}
		var roots = (int) expected.values().stream().filter(c -> c.path("parentId").isNull()).count();
		var subcategories = expected.size() - roots;
		var withImage = (int) expected.values().stream()
			.filter(c -> !c.path("parentId").isNull() && c.path("image").isTextual()).count();
		out.printf(Locale.ROOT, "Tenant %s holds a copy of tenant %s's pricebook (%d categories) under ids from %d: "
				+ "%d roots, %d subcategories, %d of them with an image%n", tenant, referenceTenant,
				copied.path("categories").asInt(), offset, roots, subcategories, withImage);

		var arrived = new ConcurrentHashMap<Long, Long>();
		var imageUpdates = new AtomicInteger();
		var lastImage = new AtomicLong();
		var subscribed = new CountDownLatch(1);
		// ms; a message's time can be a little ahead of this clock's reading, so negative delays count as 0
		var delays = new ConcurrentHistogram(3);
		var http = HttpClient.newHttpClient();
		try (var socket = GatewaySocket.open(http, gatewayUrl, token, tenant, Duration.ofSeconds(10), (nanos, text) -> {
			if (text.contains("\"subscribed\"")) {
				subscribed.countDown();
			}
			if (!text.contains("pricebook:categories:updated")) {
				return;
			}
			var message = parse(text);
			var data = message.path("data");
			var stId = data.path("stId").asLong();
			if (!expected.containsKey(stId)) {
				return;
			}
			if (message.path("time").isTextual()) {
				delays.recordValue(Math.max(0, System.currentTimeMillis() - Instant.parse(message.path("time").asText()).toEpochMilli()));
			}
			if (arrived.putIfAbsent(stId, nanos) != null && isImageOnly(data.path("changes"))) {
				imageUpdates.incrementAndGet();
				lastImage.accumulateAndGet(nanos, Math::max);
			}
		})) {
			if (!subscribed.await(10, TimeUnit.SECONDS)) {
				throw new SyncException("The WebSocket of tenant " + tenant + " was never subscribed");
			}
			var began = System.nanoTime();
			var accepted = gateway.send("POST", "/api/sync/pricebook/full");
			if (accepted.statusCode() != 202) {
				throw gateway.unexpected("POST /api/sync/pricebook/full", accepted);
			}
			var runId = ServiceClient.json(accepted).path("syncRunId").asText();
			await(() -> arrived.size() >= expected.size(), Duration.ofMinutes(2),
					() -> arrived.size() + " of " + expected.size() + " nodes reached the WebSocket");
			compareTree(expected, offset);
			var treeMillis = millisSince(began);
			out.printf(Locale.ROOT, "Whole tree on the WebSocket and through the gateway after %,d ms%n", treeMillis);

			var run = awaitRun(runId, Duration.ofMinutes(3));
			await(() -> imageUpdates.get() >= withImage, Duration.ofMinutes(1),
					() -> imageUpdates.get() + " of " + withImage + " image updates reached the WebSocket");
			var imagesMillis = lastImage.get() == 0 ? 0 : (lastImage.get() - began) / 1_000_000;
			var result = new Result(roots, subcategories, withImage, treeMillis, imagesMillis, imageUpdates.get(),
					run.path("recordsPublishedMs").asLong(), run.path("durationMs").asLong(), run.path("imagesFetched").asInt());
			out.printf(Locale.ROOT, "Last of %,d image updates on the WebSocket after %,d ms (%,d by-id calls; "
					+ "ServiceTitan's bound 1.1 x %,d / 60 s = %,d ms)%n", result.imageUpdates(), imagesMillis,
					result.imagesFetched(), result.imagesFetched(), result.imageBudgetMillis());
			out.printf(Locale.ROOT, "Sync run %s: tree published after %,d ms, completed after %,d ms%n", runId,
					result.recordsPublishedMs(), result.durationMs());
			out.printf(Locale.ROOT, "From pricebook-service's commit (the message's time) to the WebSocket, %,d messages: "
					+ "p50 %,d ms, p99 %,d ms, max %,d ms%n", delays.getTotalCount(), delays.getValueAtPercentile(50),
					delays.getValueAtPercentile(99), delays.getMaxValue());
			out.printf(Locale.ROOT, "Tree within 2 s: %s; images within the bound: %s%n", treeMillis <= 2_000 ? "yes" : "no",
					imagesMillis <= result.imageBudgetMillis() ? "yes" : "no");
			return result;
		}
		finally {
			http.close();
		}
	}

	private static JsonNode parse(String message) {

		try {
			return JSON.readTree(message);
		}
		catch (JsonProcessingException ex) {
			throw new SyncException("The WebSocket sent a message that is not JSON: " + message, ex);
		}
	}

	private static boolean isImageOnly(JsonNode changes) {
		return changes.size() == 1 && "image".equals(changes.get(0).asText());
	}

	/** Reads every root of the copy and its flat subcategories through the gateway and compares them. */
	private void compareTree(Map<Long, JsonNode> expected, long offset) {

		var read = new HashMap<Long, JsonNode>();
		for (var root : pages("/api/pricebook/categories?active=all")) {
			var stId = root.path("stId").asLong();
			if (stId < offset || stId >= offset + ID_SPAN) {
				continue;
			}
			read.put(stId, root);
			for (var node : pages("/api/pricebook/categories/" + stId + "/subcategories/flat?active=all")) {
				read.put(node.path("stId").asLong(), node);
			}
		}
		for (var entry : expected.entrySet()) {
			var node = read.get(entry.getKey());
			var want = entry.getValue();
			if (node == null || !Objects.equals(node.path("name").asText(), want.path("name").asText())
					|| node.path("position").asInt() != want.path("position").asInt()) {
				throw new SyncException("The gateway's tree differs from ServiceTitan's at category " + entry.getKey()
						+ ": " + node + " instead of " + want);
			}
		}
	}

	private Iterable<JsonNode> pages(String path) {

		var items = new ArrayList<JsonNode>();
		for (var page = 0;; page++) {
			var answer = gateway.fetch(path + "&size=500&page=" + page);
			answer.path("items").forEach(items::add);
			if (page + 1 >= answer.path("totalPages").asInt()) {
				return items;
			}
		}
	}

	private JsonNode awaitRun(String runId, Duration timeout) throws InterruptedException {

		var deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			var run = gateway.fetch("/api/sync/pricebook/status").path("lastRun");
			if (runId.equals(run.path("syncRunId").asText()) && !"RUNNING".equals(run.path("status").asText())) {
				if (!"COMPLETED".equals(run.path("status").asText())) {
					throw new SyncException("Sync run " + runId + " " + run.path("status").asText() + ": " + run.path("error"));
				}
				return run;
			}
			if (System.nanoTime() > deadline) {
				throw new SyncException("Sync run " + runId + " did not finish within " + timeout.toSeconds() + " s");
			}
			Thread.sleep(100);
		}
	}

	private static void await(BooleanSupplier done, Duration timeout,
			Supplier<String> progress) throws InterruptedException {

		var deadline = System.nanoTime() + timeout.toNanos();
		while (!done.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new SyncException("Not within " + timeout.toSeconds() + " s: " + progress.get());
			}
			Thread.sleep(5);
		}
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}
}
