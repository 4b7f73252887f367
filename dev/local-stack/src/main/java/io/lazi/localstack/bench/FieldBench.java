package io.lazi.localstack.bench;

import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lazi.localstack.scenario.ServiceClient;
import io.lazi.localstack.scenario.SyncException;

/**
 * The field-service feeds and commands, measured through the gateway as an ADMIN of the tenant: full pulls of the
 * {@code crm} and {@code dispatch} resources (records, duration, ServiceTitan calls of each run), what field-service
 * then serves of each kind, and the round trip of a ServiceTitan write: {@code POST /api/v2/jobs/{id}/technicians}
 * (answered 202) until {@code field:command-completed} of its command reaches a WebSocket of the tenant, and the same
 * for the unassignment that puts every appointment back as it was. A job shows the technician only once ServiceTitan
 * answered, so a succeeded assignment is one the simulator holds.
 *
 * @param gateway the gateway as an ADMIN of the tenant
 */
public record FieldBench(ServiceClient gateway, String gatewayUrl, String token) {

	private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

	private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(5);

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * One full pull.
	 *
	 * @param records records it published
	 * @param durationMs from its start to its end
	 * @param stCalls ServiceTitan calls it made
	 */
	public record Pull(String resource, int records, long durationMs, int stCalls) {
	}

	/**
	 * What a run measured.
	 *
	 * @param served how many records of each kind field-service serves after the pulls
	 * @param assignP50Millis request to {@code field:command-completed}, assignments, median, ms
	 * @param unassignP50Millis the same for the unassignments
	 * @param failed commands that did not succeed
	 */
	public record Result(List<Pull> pulls, Map<String, Long> served, int commands, double assignP50Millis,
			double assignP99Millis, double assignMaxMillis, double unassignP50Millis, double unassignP99Millis,
			int failed) {
	}

	/**
	 * Pulls, then assigns and unassigns a technician {@code commands} times, an appointment in turn.
	 *
	 * @throws SyncException when the stack does not answer as expected, the jobs domain is not served by
	 *         ServiceTitan, or a command never completes
	 * @throws InterruptedException when interrupted
	 */
	public Result run(int commands, PrintWriter out) throws InterruptedException {

		var pulls = List.of(pull("crm", out), pull("dispatch", out));
		var served = served();
		out.printf(Locale.ROOT, "field-service serves %s%n", served);
		var providers = gateway.fetch("/api/v2/providers").path("providers");
		if (!"servicetitan".equals(providers.path("jobs").asText())) {
			throw new SyncException("The jobs of tenant " + gateway.tenant() + " are served by "
					+ providers.path("jobs").asText() + ", not servicetitan: nothing would go to ServiceTitan");
		}
		var appointments = new ArrayList<JsonNode>();
		gateway.fetch("/api/v2/appointments?size=200").path("items").forEach(a -> {
			if (a.path("active").asBoolean()) {
				appointments.add(a);
			}
		});
		var technicians = new ArrayList<Long>();
		gateway.fetch("/api/v2/technicians?active=true&size=200").path("items")
			.forEach(t -> technicians.add(t.path("id").asLong()));
		if (appointments.isEmpty() || technicians.isEmpty()) {
			throw new SyncException("Tenant " + gateway.tenant() + " has " + appointments.size() + " active appointments and "
					+ technicians.size() + " active technicians: nothing to assign");
		}
		var assigned = new Histogram(MAX_MICROS, 3);
		var unassigned = new Histogram(MAX_MICROS, 3);
		var failed = 0;
		var completions = new ConcurrentHashMap<String, CompletableFuture<JsonNode>>();
		var subscribed = new CountDownLatch(1);
		try (var http = HttpClient.newHttpClient();
				var socket = GatewaySocket.open(http, gatewayUrl, token, gateway.tenant(), Duration.ofSeconds(10),
						(nanos, text) -> {
							if (text.contains("\"subscribed\"")) {
								subscribed.countDown();
							}
							if (text.contains("field:command-completed")) {
								var data = parse(text).path("data");
								completions.computeIfAbsent(data.path("commandId").asText(), id -> new CompletableFuture<>())
									.complete(data);
							}
						})) {
			if (!subscribed.await(10, TimeUnit.SECONDS)) {
				throw new SyncException("The WebSocket of tenant " + gateway.tenant() + " was never subscribed");
			}
			for (var i = 0; i < commands; i++) {
				var appointment = appointments.get(i % appointments.size());
				var jobId = appointment.path("jobId").asLong();
				var busy = new ArrayList<Long>();
				appointment.path("technicianIds").forEach(t -> busy.add(t.asLong()));
				var technician = technicians.stream().filter(t -> !busy.contains(t)).findFirst().orElseThrow();
				var body = "{\"technicianIds\":[" + technician + "],\"appointmentId\":" + appointment.path("id").asLong() + "}";
				var assign = time(completions, "POST", "/api/v2/jobs/" + jobId + "/technicians", body);
				failed += assign.succeeded() ? 0 : 1;
				assigned.recordValue(Math.min(assign.micros(), MAX_MICROS));
				if (assign.succeeded() && !jobShows(jobId, technician)) {
					throw new SyncException("Job " + jobId + " does not show technician " + technician
							+ " after ServiceTitan accepted the assignment");
				}
				var unassign = time(completions, "DELETE", "/api/v2/jobs/" + jobId + "/technicians?technicianIds="
						+ technician + "&appointmentId=" + appointment.path("id").asLong(), null);
				failed += unassign.succeeded() ? 0 : 1;
				unassigned.recordValue(Math.min(unassign.micros(), MAX_MICROS));
			}
		}
		return new Result(pulls, served, commands, millis(assigned, 50), millis(assigned, 99),
				assigned.getMaxValue() / 1000.0, millis(unassigned, 50), millis(unassigned, 99), failed);
	}

	private record Timed(long micros, boolean succeeded) {
	}

	private Timed time(Map<String, CompletableFuture<JsonNode>> completions, String method, String path, String body)
			throws InterruptedException {

		var started = System.nanoTime();
		var answer = gateway.send(method, path, body);
		if (answer.statusCode() != 202) {
			throw gateway.unexpected(method + " " + path, answer);
		}
		var commandId = ServiceClient.json(answer).path("command").path("commandId").asText();
		try {
			var completed = completions.computeIfAbsent(commandId, id -> new CompletableFuture<>())
				.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			return new Timed((System.nanoTime() - started) / 1000, "SUCCEEDED".equals(completed.path("outcome").asText()));
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new SyncException("Command " + commandId + " (" + method + " " + path + ") did not complete within "
					+ COMMAND_TIMEOUT.toSeconds() + " s");
		}
	}

	private boolean jobShows(long jobId, long technician) {

		for (var id : gateway.fetch("/api/v2/jobs/" + jobId).path("job").path("technicianIds")) {
			if (id.asLong() == technician) {
				return true;
			}
		}
		return false;
	}

	private Pull pull(String resource, PrintWriter out) {

		awaitIdle(resource);
		var accepted = gateway.sendPolitely("POST", "/api/sync/" + resource + "/full", null);
		if (accepted.statusCode() == 409) {
			awaitIdle(resource);
			accepted = gateway.sendPolitely("POST", "/api/sync/" + resource + "/full", null);
		}
		if (accepted.statusCode() != 202) {
			throw gateway.unexpected("POST /api/sync/" + resource + "/full", accepted);
		}
		var runId = ServiceClient.json(accepted).path("syncRunId").asText();
		var deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
		while (true) {
			var run = gateway.fetch("/api/sync/" + resource + "/runs/" + runId);
			if (!"RUNNING".equals(run.path("status").asText())) {
				if (!"COMPLETED".equals(run.path("status").asText())) {
					throw new SyncException("The " + resource + " run " + runId + " " + run.path("status").asText() + ": "
							+ run.path("error"));
				}
				var pull = new Pull(resource, run.path("rootCount").asInt(), run.path("durationMs").asLong(),
						run.path("stCalls").asInt());
				out.printf(Locale.ROOT, "%s full pull: %,d records in %.1f s, %,d ServiceTitan calls%n", resource,
						pull.records(), pull.durationMs() / 1000.0, pull.stCalls());
				return pull;
			}
			if (System.nanoTime() > deadline) {
				throw new SyncException("The " + resource + " run " + runId + " did not finish within " + RUN_TIMEOUT);
			}
			ServiceClient.pause(Duration.ofMillis(100));
		}
	}

	private void awaitIdle(String resource) {

		var deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
		while (!gateway.fetch("/api/sync/" + resource + "/status").path("running").isNull()) {
			if (System.nanoTime() > deadline) {
				throw new SyncException("A " + resource + " sync of tenant " + gateway.tenant() + " ran longer than " + RUN_TIMEOUT);
			}
			ServiceClient.pause(Duration.ofMillis(100));
		}
	}

	/** What field-service serves of each kind, once the counts stop changing (the mirror caught up). */
	private Map<String, Long> served() {

		var previous = Map.<String, Long>of();
		var deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			var counts = new LinkedHashMap<String, Long>();
			for (var kind : List.of("customers", "jobs", "appointments", "technicians", "leads", "bookings")) {
				counts.put(kind, gateway.fetch("/api/v2/" + kind + "?size=1").path("totalItems").asLong());
			}
			for (var kind : List.of("teams", "zones", "job-cancel-reasons", "job-hold-reasons")) {
				counts.put(kind, (long) gateway.fetch("/api/v2/" + kind).size());
			}
			if (counts.equals(previous)) {
				return counts;
			}
			previous = counts;
			ServiceClient.pause(Duration.ofSeconds(1));
		}
		return previous;
	}

	private static double millis(Histogram histogram, double percentile) {
		return histogram.getValueAtPercentile(percentile) / 1000.0;
	}

	private static JsonNode parse(String text) {
		try {
			return JSON.readTree(text);
		}
		catch (JsonProcessingException ex) {
			throw new SyncException("A WebSocket message is no JSON: " + text, ex);
		}
	}
}
