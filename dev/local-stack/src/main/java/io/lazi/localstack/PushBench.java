package io.lazi.localstack;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./lazi bench push [--overrides 100] [--rate-limited 0] [--rate-limited-after 30]
 * [--retry-after 1] [--tenant T]} against a running stack ({@code ./lazi up --detach} first): saves a
 * name override on {@code overrides} subcategories through the gateway as an ADMIN, optionally tells
 * the simulator to answer {@code rate-limited} ServiceTitan calls with 429 once {@code rate-limited-after}
 * calls of the push have passed, pushes, waits for {@code pricebook:categories:pushed}'s figures on
 * {@code GET /api/pricebook/categories/pushes/{pushId}}, and prints the wall time, the outcome counts
 * and the ServiceTitan calls the simulator counted by method. It ends with an incremental sync and
 * checks that nothing is left pending or in conflict. Output is for a terminal.
 */
final class PushBench {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final GatewayCalls gateway;

	private final String simulator;

	private final PrintStream out;

	PushBench(GatewayCalls gateway, String simulator, PrintStream out) {
		this.gateway = gateway;
		this.simulator = simulator;
		this.out = out;
	}

	static int run(CliArgs args, StackLayout layout, Map<String, String> env, PrintStream out, PrintStream err)
			throws java.io.IOException {

		args.allowOnly("overrides", "rate-limited", "rate-limited-after", "retry-after", "tenant");
		var overrides = number(args.value("overrides", "100"), "overrides", 1, 1000);
		var rateLimited = number(args.value("rate-limited", "0"), "rate-limited", 0, 10_000);
		var after = number(args.value("rate-limited-after", "30"), "rate-limited-after", 0, 10_000);
		var retryAfter = number(args.value("retry-after", "1"), "retry-after", 1, 60);
		var tenant = args.value("tenant", env.getOrDefault("LAZI_ST_TENANT_ID", LocalStack.REFERENCE_TENANT));
		var secret = SecretFile.read(layout.secretFile());
		if (secret.isEmpty()) {
			err.println("No stack in " + layout.runDirectory() + ": start one with ./lazi up --detach first.");
			return 1;
		}
		var ports = StackPorts.fromEnvironment(env);
		var token = DevTokens.mint(secret.get(), "lazi-bench", List.of(tenant), List.of("ADMIN"), Duration.ofHours(1));
		var bench = new PushBench(new GatewayCalls(StackService.GATEWAY.baseUrl(ports), token, tenant),
				StackService.ST_SIMULATOR.baseUrl(ports), out);
		try {
			return bench.run(overrides, rateLimited, after, retryAfter);
		}
		catch (SyncException ex) {
			err.println(ex.getMessage());
			return 1;
		}
	}

	private int run(int overrides, int rateLimited, int after, int retryAfter) {

		var targets = subcategories(overrides);
		var tag = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
		var began = System.nanoTime();
		for (var target : targets) {
			var base = target.path("st").path("name").asText(target.path("name").asText()).replaceAll("( \\[[0-9a-z]+\\])+$", "");
			var name = truncate(base, 240) + " [" + tag + "]";
			var saved = politely("POST", "/api/pricebook/categories/subcategories/" + target.path("stId").asLong()
					+ "/override", JSON.createObjectNode().put("name", name).toString());
			if (saved.statusCode() != 200) {
				throw GatewayCalls.unexpected("Saving an override", saved);
			}
		}
		var saveMillis = (System.nanoTime() - began) / 1_000_000;
		out.printf(Locale.ROOT, "Saved %d name overrides on subcategories of tenant %s in %d ms%n", targets.size(),
				gateway.tenant(), saveMillis);

		simulator("POST", "/admin/stats/reset", null);
		if (rateLimited > 0) {
			simulator("POST", "/admin/faults/throttle", JSON.createObjectNode()
				.put("tenant", gateway.tenant())
				.put("afterCalls", after)
				.put("count", rateLimited)
				.put("retryAfterSeconds", retryAfter)
				.toString());
			out.printf(Locale.ROOT, "Simulator answers %d calls with 429 (Retry-After: %d s) after the next %d calls%n",
					rateLimited, retryAfter, after);
		}
		var pushBegan = System.nanoTime();
		var accepted = gateway.send("POST", "/api/pricebook/categories/push");
		if (accepted.statusCode() != 202) {
			throw GatewayCalls.unexpected("POST /api/pricebook/categories/push", accepted);
		}
		var pushId = GatewayCalls.json(accepted).path("pushId").asText();
		var push = awaitPush(pushId, Duration.ofMinutes(5));
		var pushMillis = (System.nanoTime() - pushBegan) / 1_000_000;
		var stats = simulator("GET", "/admin/stats", null).path(gateway.tenant());
		if (rateLimited > 0) {
			simulator("POST", "/admin/faults/reset", null);
		}
		out.printf(Locale.ROOT, "%nPush %s: %d commands, %d succeeded, %d failed, in %d ms (%.1f commands/s)%n", pushId,
				push.path("count").asInt(), push.path("success").asInt(), push.path("failed").asInt(), pushMillis,
				push.path("count").asInt() * 1000.0 / Math.max(1, pushMillis));
		out.printf(Locale.ROOT, "ServiceTitan calls counted by the simulator: %s; 429 answered: %d%n",
				stats.path("callsByMethod"), stats.path("rateLimited").asInt());

		var check = new PricebookSync(gateway, Duration.ofMinutes(5)).runIncremental();
		var pending = GatewayCalls.json(gateway.get("/api/pricebook/categories/pending")).path("count").asInt();
		var conflicts = GatewayCalls.json(gateway.get("/api/sync/pricebook/conflicts")).path("count").asInt();
		out.printf(Locale.ROOT, "After an incremental sync (%d roots fetched): %d pending, %d conflicts%n",
				check.run().path("rootCount").asInt(), pending, conflicts);
		return push.path("failed").asInt() == 0 && pending == 0 && conflicts == 0 ? 0 : 2;
	}

	/** Sends like the SPA does: a 429 of the gateway's per-tenant limit waits its Retry-After and tries again. */
	private java.net.http.HttpResponse<String> politely(String method, String path, String body) {

		while (true) {
			var response = gateway.send(method, path, body);
			if (response.statusCode() != 429) {
				return response;
			}
			var seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
			try {
				Thread.sleep(Duration.ofSeconds(seconds));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SyncException("Interrupted while waiting out the gateway's rate limit");
			}
		}
	}

	/** Active subcategories without pending changes, in tree order. */
	private List<JsonNode> subcategories(int wanted) {

		var found = new ArrayList<JsonNode>();
		for (var root : GatewayCalls.json(gateway.get("/api/pricebook/categories?size=200")).path("items")) {
			var flat = GatewayCalls.json(gateway.get("/api/pricebook/categories/" + root.path("stId").asLong()
					+ "/subcategories/flat?size=500"));
			for (var node : flat.path("items")) {
				if (node.path("active").asBoolean() && !node.path("pending").asBoolean() && found.size() < wanted) {
					found.add(node);
				}
			}
			if (found.size() >= wanted) {
				return found;
			}
		}
		throw new SyncException("Tenant " + gateway.tenant() + " has only " + found.size()
				+ " subcategories without pending changes; is the pricebook synced (./lazi up)?");
	}

	private JsonNode awaitPush(String pushId, Duration timeout) {

		var deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			var response = gateway.get("/api/pricebook/categories/pushes/" + pushId);
			if (response.statusCode() != 200) {
				throw GatewayCalls.unexpected("GET /api/pricebook/categories/pushes/" + pushId, response);
			}
			var push = GatewayCalls.json(response);
			if (push.path("finishedAt").isTextual()) {
				return push;
			}
			if (System.nanoTime() > deadline) {
				throw new SyncException("Push " + pushId + " did not finish within " + timeout + ": " + push);
			}
			pauseBriefly();
		}
	}

	private JsonNode simulator(String method, String path, String body) {

		var request = HttpRequest.newBuilder(URI.create(simulator + path)).timeout(Duration.ofSeconds(10));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		try {
			var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new SyncException(method + " " + simulator + path + " answered " + response.statusCode() + ": "
						+ response.body());
			}
			return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
		}
		catch (java.io.IOException ex) {
			throw new SyncException(method + " " + simulator + path + " failed: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SyncException("Interrupted during " + method + " " + path);
		}
	}

	private static void pauseBriefly() {

		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SyncException("Interrupted while waiting for the push");
		}
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

	private static int number(String text, String name, int min, int max) {

		try {
			var value = Integer.parseInt(text.trim());
			if (value < min || value > max) {
				throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max);
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + text + "'");
		}
	}
}
