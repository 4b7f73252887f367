package io.lazi.localstack.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lazi.localstack.scenario.PricebookSync;
import io.lazi.localstack.scenario.ServiceClient;
import io.lazi.localstack.scenario.SyncException;

/**
 * {@code ./lazi bench push} against a running stack ({@code ./lazi up --detach} first): saves a name
 * override on {@code overrides} subcategories through the gateway as an ADMIN, optionally tells the
 * simulator to answer {@code rateLimited} ServiceTitan calls with 429 once {@code rateLimitedAfter}
 * calls of the push have passed, pushes, waits for {@code pricebook:categories:pushed}'s figures on
 * {@code GET /api/pricebook/categories/pushes/{pushId}}, and prints the wall time, the outcome counts
 * and the ServiceTitan calls the simulator counted by method. It ends with an incremental sync and
 * checks that nothing is left pending or in conflict. Output is for a terminal.
 *
 * @param gateway calls through the gateway as an ADMIN of the tenant to push for
 * @param simulator the simulator's admin API
 */
public record PushBench(ServiceClient gateway, ServiceClient simulator) {

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * What to push and which faults to inject.
	 *
	 * @param overrides how many subcategories get a name override (1–1000)
	 * @param rateLimited how many ServiceTitan calls the simulator answers with 429 (0 for none)
	 * @param rateLimitedAfter how many calls of the push pass before the 429s begin
	 * @param retryAfter the {@code Retry-After} of those 429s, in seconds
	 */
	public record Settings(int overrides, int rateLimited, int rateLimitedAfter, int retryAfter) {
	}

	/**
	 * What one push did.
	 *
	 * @param overrides overrides saved
	 * @param commands commands the push sent
	 * @param failed of them, failed
	 * @param millis from the push request until the push finished
	 * @param pending items still pending after an incremental sync
	 * @param conflicts open conflicts after it
	 */
	public record Result(int overrides, int commands, int failed, long millis, int pending, int conflicts) {

		/** Every command succeeded and nothing is left pending or in conflict. */
		public boolean ok() {
			return failed == 0 && pending == 0 && conflicts == 0;
		}

		/** The bound of ServiceTitan's budget at 58 calls a second with a tenth to spare, ms. */
		public long budgetMillis() {
			return Math.round(1.1 * commands * 1000 / 58.0);
		}
	}

	/**
	 * Runs the benchmark and prints its figures to {@code out}.
	 * @throws SyncException when the stack does not answer as expected
	 */
	public Result run(Settings settings, PrintWriter out) {

		var targets = subcategories(settings.overrides());
		var tag = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
		var began = System.nanoTime();
		for (var target : targets) {
			var base = target.path("st").path("name").asText(target.path("name").asText()).replaceAll("( \\[[0-9a-z]+\\])+$", "");
			var name = truncate(base, 240) + " [" + tag + "]";
			var path = "/api/pricebook/categories/subcategories/" + target.path("stId").asLong() + "/override";
			var saved = gateway.sendPolitely("POST", path, JSON.createObjectNode().put("name", name).toString());
			if (saved.statusCode() != 200) {
				throw gateway.unexpected("Saving an override", saved);
			}
		}
		var saveMillis = (System.nanoTime() - began) / 1_000_000;
		out.printf(Locale.ROOT, "Saved %d name overrides on subcategories of tenant %s in %d ms%n", targets.size(),
				gateway.tenant(), saveMillis);

		simulator.fetch("POST", "/admin/stats/reset", null);
		if (settings.rateLimited() > 0) {
			simulator.fetch("POST", "/admin/faults/throttle", JSON.createObjectNode()
				.put("tenant", gateway.tenant())
				.put("afterCalls", settings.rateLimitedAfter())
				.put("count", settings.rateLimited())
				.put("retryAfterSeconds", settings.retryAfter())
				.toString());
			out.printf(Locale.ROOT, "Simulator answers %d calls with 429 (Retry-After: %d s) after the next %d calls%n",
					settings.rateLimited(), settings.retryAfter(), settings.rateLimitedAfter());
		}
		var pushBegan = System.nanoTime();
		var accepted = gateway.send("POST", "/api/pricebook/categories/push");
		if (accepted.statusCode() != 202) {
			throw gateway.unexpected("POST /api/pricebook/categories/push", accepted);
		}
		var pushId = ServiceClient.json(accepted).path("pushId").asText();
		var push = awaitPush(pushId, Duration.ofMinutes(5));
		var pushMillis = (System.nanoTime() - pushBegan) / 1_000_000;
		var stats = simulator.fetch("/admin/stats").path(gateway.tenant());
		if (settings.rateLimited() > 0) {
			simulator.fetch("POST", "/admin/faults/reset", null);
		}
		out.printf(Locale.ROOT, "%nPush %s: %d commands, %d succeeded, %d failed, in %d ms (%.1f commands/s)%n", pushId,
				push.path("count").asInt(), push.path("success").asInt(), push.path("failed").asInt(), pushMillis,
				push.path("count").asInt() * 1000.0 / Math.max(1, pushMillis));
		out.printf(Locale.ROOT, "ServiceTitan calls counted by the simulator: %s; 429 answered: %d%n",
				stats.path("callsByMethod"), stats.path("rateLimited").asInt());

		var check = new PricebookSync(gateway, Duration.ofMinutes(5)).runIncremental();
		var pending = gateway.fetch("/api/pricebook/categories/pending").path("count").asInt();
		var conflicts = gateway.fetch("/api/sync/pricebook/conflicts").path("count").asInt();
		out.printf(Locale.ROOT, "After an incremental sync (%d roots fetched): %d pending, %d conflicts%n",
				check.run().path("rootCount").asInt(), pending, conflicts);
		var result = new Result(targets.size(), push.path("count").asInt(), push.path("failed").asInt(), pushMillis,
				pending, conflicts);
		out.printf(Locale.ROOT, "Bound by ServiceTitan's budget (1.1 x %d / 58 s = %d ms): %s%n", result.commands(),
				result.budgetMillis(), pushMillis <= result.budgetMillis() ? "yes" : "no");
		return result;
	}

	/** Active subcategories without pending changes, in tree order. */
	private List<JsonNode> subcategories(int wanted) {

		var found = new ArrayList<JsonNode>();
		for (var root : gateway.fetch("/api/pricebook/categories?size=200").path("items")) {
			var flat = gateway.fetch("/api/pricebook/categories/" + root.path("stId").asLong() + "/subcategories/flat?size=500");
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
				throw gateway.unexpected("GET /api/pricebook/categories/pushes/" + pushId, response);
			}
			var push = ServiceClient.json(response);
			if (push.path("finishedAt").isTextual()) {
				return push;
			}
			if (System.nanoTime() > deadline) {
				throw new SyncException("Push " + pushId + " did not finish within " + timeout + ": " + push);
			}
			ServiceClient.pause(Duration.ofMillis(100));
		}
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}
}
