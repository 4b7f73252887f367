package io.lazi.localstack.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.ConcurrentHistogram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lazi.localstack.scenario.ServiceClient;
import io.lazi.localstack.scenario.SyncException;

/**
 * {@code ./lazi bench fanout} against a running stack: how the WebSocket fan-out (browser → gateway →
 * notification-service) holds many idle connections and how fast it broadcasts. Two scenarios, each on tenants
 * no sync touches:
 * <ol>
 * <li>{@code clients} sockets of one tenant, opened through the gateway in parallel batches of
 * {@value #OPEN_CONCURRENCY} handshakes (each user, as the session cap per user allows, holds
 * {@value #SESSIONS_PER_USER}), then {@code events} broadcasts one second apart;</li>
 * <li>{@code tenants} tenants × {@code clientsPerTenant} sockets (one user per tenant), then {@code rounds}
 * rounds of one broadcast per tenant, the tenants' pushes one after the other (so that the figure is the fan-out's,
 * not pricebook's on parallel pushes), checking that no client ever gets an event of another tenant (every
 * message's {@code data.tenantId}, and that each push it was told of is its own tenant's).</li>
 * </ol>
 * The broadcast is a push with nothing pending ({@code POST /api/pricebook/categories/push} as an ADMIN; these
 * tenants have no pricebook, so it is empty by construction, which is checked before and on every answer):
 * pricebook-service records the push and appends {@code CategoriesPushed} to its outbox in one transaction, its
 * relay puts it on {@code sync.events}, and every session of the tenant gets {@code pricebook:categories:pushed}.
 * The delay of each delivery is the receipt's wall-clock time minus the message's {@code time}, the CloudEvent
 * time that {@code Outbox.append} sets to the row's {@code created_at} inside the committing transaction (the
 * same machine's clock), so it spans commit, relay, Kafka, fan-out, gateway and the client: p50 / p99 / max in
 * ms over every delivery. This works for any tenant id (a real producer path, no data of a real tenant
 * touched); it leaves one empty push row per broadcast in pricebook's history of those tenants.
 *
 * <p>Memory per idle connection is measured on the gateway, on notification-service and on this JVM (the
 * client), after every socket got its {@code subscribed}: the live heap after a full GC ({@code jcmd <pid>
 * GC.class_histogram}, whose per-class difference says where the bytes go) and the resident set
 * ({@code VmRSS} of {@code /proc/<pid>/status}), each the difference from before opening divided by the sockets
 * opened. Before opening, the open-file limits ({@code /proc/<pid>/limits}) of the three processes are checked
 * against what the sockets need (the gateway two per client: the browser's and its own to notification-service)
 * and the count is capped, said so, where they would run out. Output is for a terminal.
 *
 * @param gatewayUrl the gateway's base URL, {@code http://host:port}
 * @param tokens issues the users' tokens
 * @param gatewayProcess the stack's gateway, when found
 * @param notificationProcess the stack's notification-service, when found
 */
public record FanoutBench(String gatewayUrl, Tokens tokens, Optional<ProcessHandle> gatewayProcess,
		Optional<ProcessHandle> notificationProcess) {

	/** Issues a user token. */
	@FunctionalInterface
	public interface Tokens {

		/** A token of {@code user} with the ADMIN role in {@code tenant}, valid for the whole run (an hour). */
		String issue(String user, String tenant);
	}

	/** p99 target of one tenant's broadcast, ms. */
	public static final long ONE_TENANT_TARGET_MILLIS = 500;

	/** p99 target of the many tenants' broadcasts, ms. */
	public static final long MANY_TENANTS_TARGET_MILLIS = 250;

	/** The clients of the one-tenant target. */
	public static final int ONE_TENANT_TARGET_CLIENTS = 10_000;

	/** Tenants × clients of the many-tenants target. */
	public static final int MANY_TENANTS_TARGET_CLIENTS = 10_000;

	/** Sockets per user: the stack's default cap per user ({@code LAZI_WS_MAX_SESSIONS_PER_USER}). */
	static final int SESSIONS_PER_USER = 10;

	/** Handshakes under way at once. */
	static final int OPEN_CONCURRENCY = 100;

	/** Attempts of one token request. */
	private static final int TOKEN_ATTEMPTS = 3;

	/** Token requests and pending checks under way at once. */
	private static final int PREPARE_CONCURRENCY = 8;

	/** The bench's own WebSocket write and encoding buffers, bytes (the JDK's default: 16 KB each). */
	private static final int CLIENT_BUFFER_BYTES = 1024;

	/** Open files left to the processes' other work (the services keep serving requests meanwhile). */
	private static final int FILE_MARGIN = 64;

	private static final String GATEWAY = "gateway-service";

	private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration EVENT_SPACING = Duration.ofSeconds(1);

	/** How long the last deliveries of a scenario may take before the missing ones count as lost. */
	private static final Duration DELIVERY_WAIT = Duration.ofSeconds(20);

	private static final long MAX_DELAY_MICROS = Duration.ofMinutes(5).toNanos() / 1000;

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern VM_RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");

	private static final Pattern OPEN_FILES = Pattern.compile("(?m)^Max open files\\s+(\\d+|unlimited)");

	private static final Pattern MAX_HEAP = Pattern.compile("-XX:MaxHeapSize=(\\d+)");

	private static final Pattern HISTOGRAM_ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

	/**
	 * What to open and send.
	 *
	 * @param tenant the tenant of scenario 1
	 * @param clients sockets of scenario 1; 0 skips it
	 * @param events broadcasts of scenario 1, one second apart
	 * @param firstTenant the first tenant id of scenario 2, the others following it
	 * @param tenants tenants of scenario 2; 0 skips it
	 * @param clientsPerTenant sockets per tenant in scenario 2, at most {@value #SESSIONS_PER_USER}
	 * @param rounds broadcasts per tenant in scenario 2
	 */
	public record Settings(String tenant, int clients, int events, long firstTenant, int tenants, int clientsPerTenant,
			int rounds) {
	}

	/**
	 * Memory one idle connection costs a process.
	 *
	 * @param process its name
	 * @param heapBytes live heap after a full GC, bytes per connection; -1 when jcmd could not tell
	 * @param rssBytes resident set, bytes per connection; -1 when unknown
	 * @param top the classes whose live bytes grew most, with bytes per connection, largest first
	 * @param liveHeapBytes the live heap with the sockets open, bytes; -1 when unknown
	 * @param maxHeapBytes its maximum heap, bytes; -1 when unknown
	 */
	public record Memory(String process, long heapBytes, long rssBytes, Map<String, Long> top, long liveHeapBytes,
			long maxHeapBytes) {

		/** The live heap {@code connections} would take: the one measured, scaled by the connections' share. */
		public long heapAt(int connections, int measured) {
			return liveHeapBytes - (long) measured * heapBytes + (long) connections * heapBytes;
		}
	}

	/**
	 * What one scenario showed.
	 *
	 * @param name {@code one tenant} or {@code T tenants}
	 * @param wanted sockets asked for
	 * @param attempted handshakes made (fewer than {@code wanted} when the open-file limits capped them)
	 * @param opened sockets that opened
	 * @param failures failed handshakes by reason ({@code HTTP 429}, {@code timeout}, …)
	 * @param openMillis from the first handshake until the last socket got {@code subscribed}
	 * @param memory per process, for the idle sockets
	 * @param events broadcasts sent
	 * @param expected deliveries expected (each broadcast × its tenant's open sockets)
	 * @param delivered deliveries received, each client's first of each broadcast
	 * @param p50Millis delay from the outbox row to receipt, median, ms
	 * @param p99Millis the same, 99th percentile, ms
	 * @param maxMillis the same, largest, ms
	 * @param crossTenant messages a client got of another tenant
	 * @param duplicates broadcasts a client got twice
	 * @param malformed messages that were not JSON or had no readable {@code time}
	 * @param closedByServer sockets the server side closed during the scenario
	 * @param targetMillis the p99 target, ms
	 * @param targetClients the clients of the target
	 */
	public record Scenario(String name, int wanted, int attempted, int opened, Map<String, Integer> failures,
			long openMillis, List<Memory> memory, int events, long expected, long delivered, double p50Millis,
			double p99Millis, double maxMillis, long crossTenant, long duplicates, long malformed, int closedByServer,
			long targetMillis, int targetClients) {

		/**
		 * The target is met: at least the target's clients, all opened, every delivery arrived once and well formed,
		 * p99 within the target, no cross-tenant message.
		 */
		public boolean met() {
			return opened >= targetClients && opened == wanted && delivered == expected && expected > 0
					&& p99Millis <= targetMillis && crossTenant == 0 && duplicates == 0 && malformed == 0;
		}
	}

	/**
	 * Runs the scenarios the settings ask for and prints their figures to {@code out}.
	 *
	 * @return the scenarios run, in order
	 * @throws SyncException when the stack does not answer as expected or a tenant has pending changes
	 * @throws InterruptedException when interrupted
	 */
	public List<Scenario> run(Settings settings, PrintWriter out) throws InterruptedException {

		var scenarios = new ArrayList<Scenario>();
		// The JDK's WebSocket keeps a 16 KB write buffer and a 16 KB encoding buffer per socket, read when each opens;
		// these clients send only pongs, so small ones keep 10,000 of them from holding 320 MB for nothing.
		for (var buffer : List.of("jdk.httpclient.websocket.writeBufferSize", "jdk.httpclient.websocket.intermediateBufferSize")) {
			if (System.getProperty(buffer) == null) {
				System.setProperty(buffer, Integer.toString(CLIENT_BUFFER_BYTES));
			}
		}
		// Virtual threads run the listeners: a burst of 10,000 messages neither queues behind a small pool nor
		// grows a pool of platform threads.
		try (var http = HttpClient.newBuilder()
			.connectTimeout(HANDSHAKE_TIMEOUT)
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.build()) {
			var tag = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
			if (settings.clients() > 0) {
				scenarios.add(oneTenant(settings, http, tag, out));
			}
			if (settings.tenants() > 0) {
				scenarios.add(manyTenants(settings, http, tag, out));
			}
		}
		return scenarios;
	}

	private Scenario oneTenant(Settings settings, HttpClient http, String tag, PrintWriter out)
			throws InterruptedException {

		var tenant = settings.tenant();
		out.printf(Locale.ROOT, "%n== %,d clients of tenant %s (%,d users of up to %d sessions) ==%n", settings.clients(),
				tenant, (settings.clients() + SESSIONS_PER_USER - 1) / SESSIONS_PER_USER, SESSIONS_PER_USER);
		var count = Math.min(settings.clients(), room(out));
		if (count == 0) {
			throw new SyncException("No room for a single socket within the open-file limits above");
		}
		if (count < settings.clients()) {
			out.printf(Locale.ROOT, "Capped at %,d clients: more would exhaust an open-file limit above%n", count);
		}
		var users = (count + SESSIONS_PER_USER - 1) / SESSIONS_PER_USER;
		var userTokens = issue(users, k -> "lazi-bench-fanout-" + tag + "-" + k, k -> tenant, out);
		var admin = ServiceClient.gateway(gatewayUrl, userTokens.getFirst(), tenant);
		requireNothingPending(admin);
		var clients = new ArrayList<Client>(count);
		var run = new Run();
		for (var i = 0; i < count; i++) {
			clients.add(new Client(tenant, userTokens.get(i / SESSIONS_PER_USER), run));
		}
		return measure("one tenant", settings.clients(), clients, http, run, out, () -> {
			out.printf(Locale.ROOT, "Broadcasting %d events %d s apart: each an empty push of tenant %s%n",
					settings.events(), EVENT_SPACING.toSeconds(), tenant);
			var began = System.nanoTime();
			for (var i = 0; i < settings.events(); i++) {
				sleepUntil(began + i * EVENT_SPACING.toNanos());
				run.sent(push(admin), tenant);
			}
			return settings.events();
		}, ONE_TENANT_TARGET_MILLIS, ONE_TENANT_TARGET_CLIENTS);
	}

	private Scenario manyTenants(Settings settings, HttpClient http, String tag, PrintWriter out)
			throws InterruptedException {

		out.printf(Locale.ROOT, "%n== %,d tenants x %d clients (tenants %d..%d, one user each) ==%n", settings.tenants(),
				settings.clientsPerTenant(), settings.firstTenant(), settings.firstTenant() + settings.tenants() - 1);
		var tenantCount = Math.min(settings.tenants(), room(out) / settings.clientsPerTenant());
		if (tenantCount == 0) {
			throw new SyncException("No room for a single tenant's sockets within the open-file limits above");
		}
		if (tenantCount < settings.tenants()) {
			out.printf(Locale.ROOT, "Capped at %,d tenants: more would exhaust an open-file limit above%n", tenantCount);
		}
		var tenants = new ArrayList<String>(tenantCount);
		for (var i = 0; i < tenantCount; i++) {
			tenants.add(Long.toString(settings.firstTenant() + i));
		}
		var tokenOf = issue(tenantCount, k -> "lazi-bench-fanout-" + tag + "-" + tenants.get(k), tenants::get, out);
		var admins = new ArrayList<ServiceClient>(tenantCount);
		for (var i = 0; i < tenantCount; i++) {
			admins.add(ServiceClient.gateway(gatewayUrl, tokenOf.get(i), tenants.get(i)));
		}
		parallel(admins.size(), i -> requireNothingPending(admins.get(i)));
		var run = new Run();
		var clients = new ArrayList<Client>(tenantCount * settings.clientsPerTenant());
		for (var i = 0; i < tenantCount; i++) {
			for (var c = 0; c < settings.clientsPerTenant(); c++) {
				clients.add(new Client(tenants.get(i), tokenOf.get(i), run));
			}
		}
		var name = String.format(Locale.ROOT, "%,d tenants x %d", settings.tenants(), settings.clientsPerTenant());
		return measure(name, settings.tenants() * settings.clientsPerTenant(), clients, http, run, out, () -> {
			out.printf(Locale.ROOT, "Broadcasting %d rounds, each an empty push of every tenant, one after the other%n",
					settings.rounds());
			for (var round = 1; round <= settings.rounds(); round++) {
				var began = System.nanoTime();
				// One at a time: the figure is the fan-out's, not that of pricebook's CPU share on parallel pushes.
				for (var i = 0; i < admins.size(); i++) {
					run.sent(push(admins.get(i)), tenants.get(i));
				}
				var millis = (System.nanoTime() - began) / 1_000_000;
				out.printf(Locale.ROOT, "  round %d: %,d pushes in %,d ms (%,.0f events/s)%n", round, admins.size(), millis,
						admins.size() * 1000.0 / Math.max(1, millis));
			}
			return settings.rounds() * admins.size();
		}, MANY_TENANTS_TARGET_MILLIS, MANY_TENANTS_TARGET_CLIENTS);
	}

	/** What a scenario sends once its sockets are open; returns the broadcasts sent. */
	@FunctionalInterface
	private interface Broadcasts {

		int send() throws InterruptedException;
	}

	/** Opens the clients' sockets, measures their memory, sends the broadcasts, waits for them and closes. */
	private Scenario measure(String name, int wanted, List<Client> clients, HttpClient http, Run run, PrintWriter out,
			Broadcasts broadcasts, long targetMillis, int targetClients) throws InterruptedException {

		var processes = processes();
		var before = snapshots(processes);
		var failures = new TreeMap<String, Integer>();
		var began = System.nanoTime();
		try {
			var opened = open(clients, http, failures, out);
			await(() -> run.subscribed.get() >= opened, Duration.ofMinutes(1));
			var openMillis = (System.nanoTime() - began) / 1_000_000;
			out.printf(Locale.ROOT, "Opened %,d of %,d sockets in %.1f s, %,d of them subscribed%n", opened, clients.size(),
					openMillis / 1000.0, run.subscribed.get());
			failures.forEach((reason, n) -> out.printf(Locale.ROOT, "  %,d handshakes failed: %s%n", n, reason));
			if (failures.keySet().stream().anyMatch(reason -> reason.startsWith("HTTP 429"))) {
				out.println("  429 is the WebSocket session cap of the gateway and notification-service (per instance: "
						+ "LAZI_WS_MAX_SESSIONS_PER_TENANT, default 500; LAZI_WS_MAX_SESSIONS_PER_USER, default 10). To measure "
						+ "more clients of one tenant, start the stack with LAZI_WS_MAX_SESSIONS_PER_TENANT at least that count.");
			}
			var memory = opened == 0 ? List.<Memory>of() : memory(processes, before, opened, out);
			var events = 0;
			if (opened > 0 && gatewayProcess.map(ProcessHandle::isAlive).orElse(true)) {
				events = broadcasts.send();
				var expected = run.expected(clients);
				await(() -> run.delivered() >= expected, DELIVERY_WAIT);
			}
			else if (opened > 0) {
				out.println("gateway-service is gone (./lazi status says why, e.g. OutOfMemoryError): no broadcasts sent");
			}
			var scenario = new Scenario(name, wanted, clients.size(), opened, failures, openMillis, memory, events,
					run.expected(clients), run.delivered(), millis(run.delays, 50), millis(run.delays, 99),
					run.delays.getTotalCount() == 0 ? 0 : run.delays.getMaxValue() / 1000.0, run.crossTenant(clients),
					run.duplicates.get(), run.malformed.get(), run.closedByServer.get(), targetMillis, targetClients);
			report(scenario, run, out);
			return scenario;
		}
		finally {
			close(clients, Optional.ofNullable(processes.get(GATEWAY)), Optional.ofNullable(before.get(GATEWAY)), run);
		}
	}

	/** Each process's memory per connection now against {@code before}, printed with the heap 10,000 would need. */
	private static List<Memory> memory(Map<String, ProcessHandle> processes, Map<String, Snapshot> before, int opened,
			PrintWriter out) {

		var memory = new ArrayList<Memory>();
		out.println("Memory per idle connection (live heap after a full GC; resident set):");
		snapshots(processes).forEach((process, after) -> {
			var figure = before.get(process).perConnection(process, after, opened);
			memory.add(figure);
			out.printf(Locale.ROOT, "  %-22s heap %s, RSS %s%s%n", figure.process(), size(figure.heapBytes()),
					size(figure.rssBytes()), figure.top().isEmpty() ? "" : "; growth by class: " + top(figure.top()));
			if (figure.heapBytes() >= 0 && figure.maxHeapBytes() > 0) {
				out.printf(Locale.ROOT, "  %-22s live heap %,d MB of %,d MB max; %,d connections would need %,d MB%n", "",
						figure.liveHeapBytes() >> 20, figure.maxHeapBytes() >> 20, ONE_TENANT_TARGET_CLIENTS,
						figure.heapAt(ONE_TENANT_TARGET_CLIENTS, opened) >> 20);
			}
		});
		return memory;
	}

	private static void report(Scenario scenario, Run run, PrintWriter out) {

		if (scenario.events() > 0) {
			out.printf(Locale.ROOT, "Delivered %,d of %,d (%d events); outbox row -> receipt p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
					scenario.delivered(), scenario.expected(), scenario.events(), scenario.p50Millis(), scenario.p99Millis(),
					scenario.maxMillis());
			out.printf(Locale.ROOT, "Clients per event: fewest %,d, most %,d%n", run.fewest(), run.most());
		}
		out.printf(Locale.ROOT, "Cross-tenant messages: %,d; broadcasts received twice: %,d; malformed: %,d; sockets closed "
				+ "by the server: %,d%s%n", scenario.crossTenant(), scenario.duplicates(), scenario.malformed(),
				scenario.closedByServer(), scenario.closedByServer() > 0 ? " " + run.closeReasons : "");
		out.printf(Locale.ROOT, "Target (%,d clients, p99 <= %,d ms, none lost, no cross-tenant delivery): %s%n",
				scenario.targetClients(), scenario.targetMillis(), scenario.met() ? "met" : "missed");
	}

	/** Opens the sockets in batches; returns how many opened, counting the failures by reason. */
	private int open(List<Client> clients, HttpClient http, Map<String, Integer> failures, PrintWriter out)
			throws InterruptedException {

		var opened = 0;
		var began = System.nanoTime();
		for (var from = 0; from < clients.size(); from += OPEN_CONCURRENCY) {
			var batch = clients.subList(from, Math.min(from + OPEN_CONCURRENCY, clients.size()));
			var futures = new ArrayList<CompletableFuture<GatewaySocket>>(batch.size());
			for (var client : batch) {
				futures.add(GatewaySocket.openAsync(http, gatewayUrl, client.token, client.tenant, HANDSHAKE_TIMEOUT, client));
			}
			for (var i = 0; i < batch.size(); i++) {
				try {
					batch.get(i).socket = futures.get(i).get();
					opened++;
				}
				catch (ExecutionException ex) {
					failures.merge(reason(ex.getCause()), 1, Integer::sum);
				}
			}
			var done = from + batch.size();
			if (done % 1000 == 0 && done < clients.size()) {
				out.printf(Locale.ROOT, "  %,d handshakes, %,d open, after %.1f s%n", done, opened,
						(System.nanoTime() - began) / 1e9);
			}
		}
		return opened;
	}

	/** Closes every socket and waits (up to 30 s) until the gateway holds no more files than before them. */
	private static void close(List<Client> clients, Optional<ProcessHandle> gateway, Optional<Snapshot> before, Run run)
			throws InterruptedException {

		run.closing = true;
		for (var client : clients) {
			if (client.socket != null) {
				client.socket.close();
			}
		}
		// The next scenario's memory baseline and open-file room start from a gateway without these sockets.
		var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		var filesBefore = before.map(Snapshot::openFiles).orElse(-1);
		while (gateway.isPresent() && filesBefore >= 0 && openFiles(gateway.get()) > filesBefore + FILE_MARGIN
				&& System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
	}

	/** The short name of why a handshake failed. */
	private static String reason(Throwable failure) {

		var cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
		if (cause instanceof WebSocketHandshakeException refused) {
			return "HTTP " + refused.getResponse().statusCode();
		}
		if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
			return "no answer within " + HANDSHAKE_TIMEOUT.toSeconds() + " s";
		}
		return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
	}

	/**
	 * How many clients the open-file limits leave room for: the gateway needs two files per client, notification-service
	 * and this JVM one each, and each keeps {@value #FILE_MARGIN} for its other work. Printed.
	 */
	private int room(PrintWriter out) {

		var room = Integer.MAX_VALUE;
		var parts = new ArrayList<String>();
		for (var entry : processes().entrySet()) {
			var perClient = entry.getKey().equals(GATEWAY) ? 2 : 1;
			var limit = openFileLimit(entry.getValue());
			var open = openFiles(entry.getValue());
			if (limit < 0 || open < 0) {
				continue;
			}
			var fits = (int) Math.max(0, (limit - open - FILE_MARGIN) / perClient);
			room = Math.min(room, fits);
			parts.add(String.format(Locale.ROOT, "%s %,d open of %,d (%d per client: room for %,d)", entry.getKey(), open,
					limit, perClient, fits));
		}
		out.println("Open files: " + String.join("; ", parts));
		return room;
	}

	/** The gateway, notification-service (each when found) and this JVM, by name. */
	private Map<String, ProcessHandle> processes() {

		var processes = new LinkedHashMap<String, ProcessHandle>();
		gatewayProcess.ifPresent(process -> processes.put(GATEWAY, process));
		notificationProcess.ifPresent(process -> processes.put("notification-service", process));
		processes.put("bench client (this JVM)", ProcessHandle.current());
		return processes;
	}

	/** A snapshot of each process that is alive, by name. */
	private static Map<String, Snapshot> snapshots(Map<String, ProcessHandle> processes) {

		var snapshots = new LinkedHashMap<String, Snapshot>();
		processes.forEach((name, process) -> {
			if (process.isAlive()) {
				snapshots.put(name, Snapshot.of(process));
			}
		});
		return snapshots;
	}

	/**
	 * {@code count} tokens, {@value #PREPARE_CONCURRENCY} requests at a time: user {@code k} of tenant {@code k}; a
	 * request that fails is made again, up to {@value #TOKEN_ATTEMPTS} times. Says how long it took.
	 */
	private List<String> issue(int count, IntFunction<String> user, IntFunction<String> tenant, PrintWriter out)
			throws InterruptedException {

		var tokenOf = new String[count];
		var retries = new AtomicInteger();
		var began = System.nanoTime();
		parallel(count, k -> {
			for (var attempt = 1;; attempt++) {
				try {
					tokenOf[k] = tokens.issue(user.apply(k), tenant.apply(k));
					return;
				}
				catch (RuntimeException ex) {
					// One slow answer of the identity provider (sharing the two cores) should not end a ten-minute run.
					if (attempt == TOKEN_ATTEMPTS) {
						throw ex;
					}
					retries.incrementAndGet();
				}
			}
		});
		out.printf(Locale.ROOT, "%,d tokens from the identity provider in %.1f s%s%n", count, (System.nanoTime() - began) / 1e9,
				retries.get() == 0 ? "" : String.format(Locale.ROOT, " (%d of them asked for twice or more)", retries.get()));
		return List.of(tokenOf);
	}

	/** Runs {@code task} for 0..count-1, {@value #PREPARE_CONCURRENCY} at a time; the first failure is thrown. */
	private static void parallel(int count, IntConsumer task) throws InterruptedException {

		try (var executor = Executors.newFixedThreadPool(PREPARE_CONCURRENCY)) {
			var futures = new ArrayList<Future<?>>(count);
			for (var i = 0; i < count; i++) {
				var index = i;
				futures.add(executor.submit(() -> task.accept(index)));
			}
			for (var future : futures) {
				try {
					future.get();
				}
				catch (ExecutionException ex) {
					futures.forEach(f -> f.cancel(true));
					throw ex.getCause() instanceof RuntimeException runtime ? runtime : new SyncException(ex.getCause().toString());
				}
			}
		}
	}

	/**
	 * Refuses a tenant with pending changes: its push would send them to ServiceTitan.
	 *
	 * @throws SyncException naming the tenant
	 */
	private static void requireNothingPending(ServiceClient admin) {

		var pending = admin.fetch("/api/pricebook/categories/pending").path("count").asInt();
		if (pending != 0) {
			throw new SyncException("Tenant " + admin.tenant() + " has " + pending + " pending pricebook changes, which the "
					+ "benchmark's pushes would send to ServiceTitan: pick tenants without a pricebook");
		}
	}

	/**
	 * Pushes with nothing pending; returns the push id.
	 *
	 * @throws SyncException when the push sent anything
	 */
	private static String push(ServiceClient admin) {

		var answer = admin.fetch("POST", "/api/pricebook/categories/push", null);
		if (answer.path("count").asInt() != 0) {
			throw new SyncException("The push of tenant " + admin.tenant() + " sent " + answer.path("count").asInt()
					+ " commands; the benchmark's tenants must have no pricebook");
		}
		return answer.path("pushId").asText();
	}

	private static void sleepUntil(long nanos) throws InterruptedException {

		var left = nanos - System.nanoTime();
		if (left > 0) {
			Thread.sleep(Duration.ofNanos(left));
		}
	}

	private static void await(BooleanSupplier done, Duration timeout) throws InterruptedException {

		var deadline = System.nanoTime() + timeout.toNanos();
		while (!done.getAsBoolean() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
	}

	private static double millis(ConcurrentHistogram histogram, double percentile) {
		return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
	}

	private static String size(long bytes) {
		return bytes < 0 ? "unknown" : String.format(Locale.ROOT, "%,.1f KB", bytes / 1024.0);
	}

	private static String top(Map<String, Long> classes) {

		var parts = new ArrayList<String>();
		classes.forEach((name, bytes) -> parts.add(name + " " + String.format(Locale.ROOT, "%,d B", bytes)));
		return String.join(", ", parts);
	}

	/** VmRSS of the process, bytes; -1 when unreadable. */
	private static long rss(ProcessHandle process) {

		try {
			var matcher = VM_RSS.matcher(Files.readString(Path.of("/proc", Long.toString(process.pid()), "status")));
			return matcher.find() ? Long.parseLong(matcher.group(1)) * 1024 : -1;
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/** The files the process has open; -1 when unreadable. */
	private static int openFiles(ProcessHandle process) {

		try (var files = Files.list(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
			return (int) files.count();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/** The process's soft limit of open files; -1 when unreadable, {@link Integer#MAX_VALUE} when unlimited. */
	private static long openFileLimit(ProcessHandle process) {

		try {
			var matcher = OPEN_FILES.matcher(Files.readString(Path.of("/proc", Long.toString(process.pid()), "limits")));
			if (!matcher.find()) {
				return -1;
			}
			return matcher.group(1).equals("unlimited") ? Integer.MAX_VALUE : Long.parseLong(matcher.group(1));
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/** Output of {@code jcmd <pid> <command…>}; empty when jcmd fails (another user's process, no JDK tools). */
	private static Optional<String> jcmd(ProcessHandle process, String... command) {

		var line = new ArrayList<String>();
		line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
		line.add(Long.toString(process.pid()));
		line.addAll(List.of(command));
		Path output = null;
		try {
			// A file, not a pipe: asked about this JVM, jcmd writes while this JVM stands at the histogram's safepoint,
			// so a pipe that nobody here may read until it ends would fill up and hold both for ever.
			output = Files.createTempFile("lazi-jcmd", ".txt");
			var jcmd = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile()).start();
			return jcmd.waitFor() == 0 ? Optional.of(Files.readString(output)) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
		finally {
			if (output != null) {
				output.toFile().delete();
			}
		}
	}

	/**
	 * A process's memory at one moment: live bytes per class after the full GC that {@code GC.class_histogram}
	 * makes, its total, resident set, open files and maximum heap.
	 */
	private record Snapshot(Map<String, Long> byClass, long liveHeap, long rss, int openFiles, long maxHeap) {

		static Snapshot of(ProcessHandle process) {

			var byClass = new HashMap<String, Long>();
			var live = -1L;
			var histogram = jcmd(process, "GC.class_histogram");
			if (histogram.isPresent()) {
				live = 0;
				for (var row : histogram.get().split("\n")) {
					var matcher = HISTOGRAM_ROW.matcher(row);
					if (matcher.find()) {
						var bytes = Long.parseLong(matcher.group(2));
						byClass.merge(matcher.group(3), bytes, Long::sum);
						live += bytes;
					}
				}
			}
			var maxHeap = jcmd(process, "VM.flags").map(MAX_HEAP::matcher).filter(Matcher::find)
				.map(m -> Long.parseLong(m.group(1))).orElse(-1L);
			return new Snapshot(byClass, live, FanoutBench.rss(process), FanoutBench.openFiles(process), maxHeap);
		}

		/** The difference to {@code after}, per connection. */
		Memory perConnection(String process, Snapshot after, int connections) {

			var top = new LinkedHashMap<String, Long>();
			after.byClass().entrySet().stream()
				.map(e -> Map.entry(e.getKey(), (e.getValue() - byClass.getOrDefault(e.getKey(), 0L)) / connections))
				.filter(e -> e.getValue() > 0)
				.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
				.limit(6)
				.forEach(e -> top.put(e.getKey(), e.getValue()));
			var heap = liveHeap < 0 || after.liveHeap() < 0 ? -1 : (after.liveHeap() - liveHeap) / connections;
			var resident = rss < 0 || after.rss() < 0 ? -1 : (after.rss() - rss) / connections;
			return new Memory(process, heap, resident, top, after.liveHeap(), after.maxHeap());
		}
	}

	/** The deliveries of one scenario; updated by the clients' listener threads. */
	private static final class Run {

		private final ConcurrentHashMap<String, Broadcast> broadcasts = new ConcurrentHashMap<>();

		private final ConcurrentHistogram delays = new ConcurrentHistogram(MAX_DELAY_MICROS, 3);

		private final AtomicInteger subscribed = new AtomicInteger();

		private final AtomicLong duplicates = new AtomicLong();

		private final AtomicLong otherTenant = new AtomicLong();

		/** Messages that were not JSON or had no readable {@code time}. */
		private final AtomicLong malformed = new AtomicLong();

		private final AtomicInteger closedByServer = new AtomicInteger();

		private final Map<String, Integer> closeReasons = Collections.synchronizedMap(new TreeMap<>());

		private volatile boolean closing;

		Broadcast broadcast(String pushId) {
			return broadcasts.computeIfAbsent(pushId, id -> new Broadcast());
		}

		/** The push {@code pushId} was sent for {@code tenant}; its deliveries may have arrived already. */
		void sent(String pushId, String tenant) {
			broadcast(pushId).tenant = tenant;
		}

		/** Each broadcast of ours × the open sockets of its tenant. */
		long expected(List<Client> clients) {

			var open = new HashMap<String, Integer>();
			clients.stream().filter(c -> c.socket != null).forEach(c -> open.merge(c.tenant, 1, Integer::sum));
			return broadcasts.values().stream().filter(b -> b.tenant != null)
				.mapToLong(b -> open.getOrDefault(b.tenant, 0)).sum();
		}

		/** Messages of another tenant, by their {@code tenantId} or by the push they named. */
		long crossTenant(List<Client> clients) {

			var wrongPush = 0L;
			for (var client : clients) {
				synchronized (client) {
					wrongPush += client.seen.stream().filter(b -> b.tenant != null && !b.tenant.equals(client.tenant)).count();
				}
			}
			return otherTenant.get() + wrongPush;
		}

		/** Deliveries of the broadcasts of ours. */
		long delivered() {
			return broadcasts.values().stream().filter(b -> b.tenant != null).mapToLong(b -> b.deliveries.get()).sum();
		}

		int fewest() {
			return broadcasts.values().stream().filter(b -> b.tenant != null).mapToInt(b -> b.deliveries.get()).min().orElse(0);
		}

		int most() {
			return broadcasts.values().stream().filter(b -> b.tenant != null).mapToInt(b -> b.deliveries.get()).max().orElse(0);
		}
	}

	/** One push and how many clients got it. */
	private static final class Broadcast {

		/** Set once the push's answer came; {@code null} for a push that was not ours. */
		private volatile String tenant;

		private final AtomicInteger deliveries = new AtomicInteger();
	}

	/** One browser: its tenant, token, socket and the broadcasts it got. */
	private static final class Client implements GatewaySocket.Receiver {

		private final String tenant;

		private final String token;

		private final Run run;

		/** Guarded by this: the listener adds, the main thread reads at the end. */
		private final Set<Broadcast> seen = new HashSet<>();

		private volatile GatewaySocket socket;

		Client(String tenant, String token, Run run) {
			this.tenant = tenant;
			this.token = token;
			this.run = run;
		}

		@Override
		public void received(long nanos, String text) {

			JsonNode message;
			try {
				message = JSON.readTree(text);
			}
			catch (JsonProcessingException ex) {
				// Thrown here, it would only end this socket; counted, it fails the scenario.
				run.malformed.incrementAndGet();
				return;
			}
			var event = message.path("event").asText();
			if (event.equals("subscribed")) {
				run.subscribed.incrementAndGet();
				return;
			}
			var data = message.path("data");
			if (data.path("tenantId").isTextual() && !data.path("tenantId").asText().equals(tenant)) {
				run.otherTenant.incrementAndGet();
				return;
			}
			if (!event.equals("pricebook:categories:pushed")) {
				return;
			}
			var broadcast = run.broadcast(data.path("pushId").asText());
			synchronized (this) {
				if (!seen.add(broadcast)) {
					run.duplicates.incrementAndGet();
					return;
				}
			}
			Instant time;
			try {
				time = OffsetDateTime.parse(message.path("time").asText()).toInstant();
			}
			catch (DateTimeParseException ex) {
				run.malformed.incrementAndGet();
				return;
			}
			var delay = GatewaySocket.epochMicros(nanos) - (time.getEpochSecond() * 1_000_000 + time.getNano() / 1000);
			run.delays.recordValue(Math.clamp(delay, 0, MAX_DELAY_MICROS));
			broadcast.deliveries.incrementAndGet();
		}

		@Override
		public void closed(int statusCode, String reason) {

			if (!run.closing) {
				run.closedByServer.incrementAndGet();
				run.closeReasons.merge(statusCode + (reason.isBlank() ? "" : " " + reason), 1, Integer::sum);
			}
		}
	}
}
