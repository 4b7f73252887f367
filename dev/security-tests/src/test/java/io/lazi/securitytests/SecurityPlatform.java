package io.lazi.securitytests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;

import io.lazi.localstack.LocalStack;
import io.lazi.localstack.StackService;
import io.lazi.localstack.infra.DatabaseSettings;
import io.lazi.localstack.infra.StackSecrets;
import io.lazi.localstack.process.ProcessSupervisor;
import io.lazi.localstack.process.StackLayout;
import io.lazi.localstack.process.StackPorts;
import io.lazi.platform.events.KafkaAccess;
import io.lazi.platform.events.access.InternalScope;
import io.lazi.platform.events.access.Role;
import io.lazi.platform.security.AccessRules;
import io.lazi.platform.security.Permission;
import io.lazi.platform.test.SharedInfrastructure;

/**
 * The platform under attack: the identity provider, the simulator and every service as real
 * processes, started exactly as {@code ./lazi up} starts them against the test harness's Kafka and
 * PostgreSQL, once per test JVM; the pricebook and CRM of both simulator tenants synced, so that there
 * is data to go after. What it knows of the platform (ports, routes, keys) it reads from the stack.
 */
final class SecurityPlatform {

	private static SecurityPlatform instance;

	private static IllegalStateException failure;

	private final LocalStack stack;

	private final StackPorts ports;

	private final TokenForge forge;

	private final Map<String, List<Route>> routes = new LinkedHashMap<>();

	private final Map<String, String> tokens = new ConcurrentHashMap<>();

	private List<ServiceToken> serviceTokens;

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

	private SecurityPlatform(LocalStack stack, StackPorts ports, RSAKey providerKey) {
		this.stack = stack;
		this.ports = ports;
		this.forge = new TokenForge(providerKey, stack.issuer(), "lazi-api");
	}

	/** The running platform, started and synced on first use. */
	/** The running stack (its database settings and the services' database credentials). */
	LocalStack stack() {
		return stack;
	}

	static synchronized SecurityPlatform get() {

		// One attempt per test JVM: a platform that did not start once is not started again for each class.
		if (instance == null && failure == null) {
			try {
				instance = start();
			}
			catch (Exception ex) {
				failure = new IllegalStateException("The platform did not start", ex);
			}
		}
		if (failure != null) {
			throw failure;
		}
		return instance;
	}

	private static SecurityPlatform start() throws Exception {

		var repository = Path.of("").toAbsolutePath().getParent().getParent(); // dev/security-tests → repository root
		var layout = new StackLayout(repository, Files.createTempDirectory("lazi-security"));
		var ports = StackPorts.free();
		var db = SharedInfrastructure.database();
		var supervisor = new ProcessSupervisor(layout.stateFile());
		Runtime.getRuntime().addShutdownHook(new Thread(supervisor::close, "security-platform-stop"));
		var secrets = StackSecrets.readOrCreate(layout.secretsDirectory());
		var stack = new LocalStack(layout, ports, new DatabaseSettings(db.jdbcUrl(), db.username(), db.password(), false),
				SharedInfrastructure.kafkaBootstrapServers(), secrets, supervisor, Map.of(LocalStack.SCHEDULED_SYNCS, "false",
						LocalStack.ST_REQUESTS_PER_SECOND, "300"));
		stack.start(Duration.ofMinutes(4), process -> { });
		var key = JWK.parse(Files.readString(secrets.signingKeyFile())).toRSAKey();
		var platform = new SecurityPlatform(stack, ports, key);
		platform.seed();
		return platform;
	}

	/** Full pricebook and CRM syncs of both tenants, and an upload each, through the gateway. */
	private void seed() {

		for (var tenant : List.of(SecurityTest.TENANT, SecurityTest.VICTIM)) {
			var admin = Map.of("Authorization", "Bearer " + userToken(tenant, "ADMIN"), "X-Tenant-ID", tenant);
			Http.send("POST", gatewayUrl() + "/api/sync/pricebook/full", admin, java.net.http.HttpRequest.BodyPublishers.noBody());
			Http.send("POST", gatewayUrl() + "/api/crm/sync/trigger", admin, java.net.http.HttpRequest.BodyPublishers.noBody());
		}
		awaitSeeded();
	}

	/**
	 * Waits until each tenant's pricebook and CRM syncs, and the dispatch pull that follows a CRM sync (when st-ingest
	 * has that resource), have ended and pricebook-service, crm-pipeline-service and field-service have processed every
	 * raw record they read (their consumer groups' lag is 0), so that both tenants' data is complete before anyone
	 * compares them. Contacts that merely stopped growing for a few seconds are
	 * not enough on a loaded machine: applying pauses, and a victim's text could look like the victim's alone.
	 */
	private void awaitSeeded() {

		var deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		for (var tenant : List.of(SecurityTest.TENANT, SecurityTest.VICTIM)) {
			var headers = Map.of("Authorization", "Bearer " + userToken(tenant, "VIEWER"), "X-Tenant-ID", tenant);
			awaitEnded(gatewayUrl() + "/api/sync/pricebook/status", headers, deadline);
			awaitEnded(gatewayUrl() + "/api/crm/sync/status", headers, deadline);
			if (Http.get(gatewayUrl() + "/api/sync/dispatch/status", headers).status() != 404) {
				awaitEnded(gatewayUrl() + "/api/sync/dispatch/status", headers, deadline);
			}
		}
		var lag = stack.consumerLag();
		while (lag.of(KafkaAccess.Principal.PRICEBOOK) + lag.of(KafkaAccess.Principal.CRM_PIPELINE)
				+ lag.of(KafkaAccess.Principal.FIELD) > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(
						"pricebook-service, crm-pipeline-service and field-service did not apply the seed syncs");
			}
			sleep();
		}
	}

	/** Until the status at {@code url} shows a run and none still running ({@code running} or a requested or running entry). */
	private static void awaitEnded(String url, Map<String, String> headers, long deadline) {

		while (System.nanoTime() < deadline) {
			var status = Http.get(url, headers);
			if (status.status() == 200) {
				var json = JSON.readTree(status.body());
				var runs = json.path("runs");
				var ended = runs.isArray() ? !runs.isEmpty() : json.path("running").isNull() && json.hasNonNull("lastRun");
				for (var run : runs) {
					ended &= !List.of("requested", "running").contains(run.path("status").asText());
				}
				if (ended) {
					return;
				}
			}
			sleep();
		}
		throw new IllegalStateException("A seed sync did not end: " + url);
	}

	String gatewayUrl() {
		return StackService.GATEWAY.baseUrl(ports);
	}

	/** Each service behind the gateway by name, at its own port. */
	Map<String, String> serviceUrls() {

		var urls = new LinkedHashMap<String, String>();
		for (var service : LocalStack.SERVICES) {
			if (service != StackService.GATEWAY) {
				urls.put(service.module(), service.baseUrl(ports));
			}
		}
		return urls;
	}

	/** Each service and the gateway by name, at its management port. */
	Map<String, String> managementUrls() {

		var urls = new LinkedHashMap<String, String>();
		for (var service : LocalStack.SERVICES) {
			urls.put(service.module(), "http://127.0.0.1:" + service.managementPort(ports));
		}
		return urls;
	}

	/** Every port the stack listens on, by what listens there (the test harness's database aside). */
	Map<String, Integer> allPorts() {
		return ports.inUse(false);
	}

	int port(String service) {
		return service(service).port(ports);
	}

	int managementPort(String service) {
		return service(service).managementPort(ports);
	}

	String simulatorHostPort() {
		return "localhost:" + ports.stSimulator();
	}

	/** A user token of {@code role} for {@code tenant} from the identity provider, cached for the run. */
	String userToken(String tenant, String role) {
		return tokens.computeIfAbsent(tenant + "/" + role, key -> stack.identityProvider()
			.userToken("probe-" + role.toLowerCase(java.util.Locale.ROOT), List.of(tenant), List.of(role), Duration.ofMinutes(30)));
	}

	/**
	 * Service tokens that may not call {@code route}: every scope each service client can obtain from the
	 * identity provider, but the one the route requires.
	 */
	synchronized List<ServiceToken> serviceTokensNotFor(Route route) {

		var needed = requiredAuthority(AccessRules.INTERNAL, route);
		return serviceTokens().stream().filter(token -> !("SCOPE_" + token.scope()).equals(needed)).toList();
	}

	private List<ServiceToken> serviceTokens() {

		if (serviceTokens == null) {
			var granted = new ArrayList<ServiceToken>();
			for (var client : StackSecrets.CLIENTS) {
				for (var scope : InternalScope.values()) {
					var reply = Http.send("POST", stack.issuer() + "/oauth2/token",
							Map.of("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
									(client + ":" + stack.secrets().clientSecret(client)).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
									"Content-Type", "application/x-www-form-urlencoded"),
							java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scope.value()));
					if (reply.status() == 200) {
						granted.add(new ServiceToken(client + " with " + scope.value(), scope.value(),
								JSON.readTree(reply.body()).path("access_token").asString()));
					}
				}
			}
			serviceTokens = granted;
		}
		return serviceTokens;
	}

	TokenForge forge() {
		return forge;
	}

	List<String> roles() {
		return java.util.Arrays.stream(Role.values()).map(Role::name).toList();
	}

	/** Whether {@code role} holds the permission the shared access rules require of {@code route}. */
	boolean permits(String role, Route route) {

		var needed = requiredAuthority(AccessRules.USER, route);
		return needed != null && Permission.grantedTo(List.of(Role.valueOf(role))).stream()
			.anyMatch(permission -> permission.authority().equals(needed));
	}

	/** Every route the services declare, read from their own mappings. */
	synchronized List<Route> routes() {

		if (routes.isEmpty()) {
			for (var service : serviceUrls().keySet()) {
				routes.put(service, RouteCatalog.read(service, managementUrls().get(service),
						"Bearer " + userToken(SecurityTest.TENANT, "OWNER")));
			}
		}
		return routes.values().stream().flatMap(List::stream).toList();
	}

	/**
	 * A path of a read route of {@code service} (of the pricebook for the gateway) to knock on: the one
	 * with the fewest path variables, each set to {@code pricebook} (a sync area) or an id.
	 */
	String readRoute(String service) {

		var owner = service.equals("gateway-service") ? "pricebook-service" : service;
		return routes().stream()
			.filter(route -> route.service().equals(owner) && route.method().equals("GET") && !route.internal()
					&& !route.pattern().contains("*"))
			.min(java.util.Comparator.comparingInt((Route route) -> route.variables().size()))
			.map(route -> route.path(name -> name.equals("area") ? "pricebook" : "1", "1"))
			.orElseThrow(() -> new IllegalStateException(owner + " declares no read route"));
	}

	/** A write route of {@code service} (of the pricebook for the gateway) that takes a JSON body, or null. */
	Route writeRoute(String service) {

		var owner = service.equals("gateway-service") ? "pricebook-service" : service;
		return routes().stream()
			.filter(route -> route.service().equals(owner) && route.writes() && !route.internal())
			.findFirst()
			.orElse(null);
	}

	private static String requiredAuthority(List<AccessRules.Rule> rules, Route route) {

		var path = PathContainer.parsePath(route.path("1"));
		for (var rule : rules) {
			var matches = PathPatternParser.defaultInstance.parse(rule.pattern()).matches(path);
			if (matches && rule.methods().stream().anyMatch(method -> method.name().equals(route.method()))) {
				return rule.authority();
			}
		}
		return null;
	}

	private static StackService service(String name) {
		return LocalStack.SERVICES.stream()
			.filter(service -> service.module().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No service " + name));
	}

	private static void sleep() {

		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A service token, what it is (for probe names) and its scope. */
	record ServiceToken(String name, String scope, String value) {
	}
}
