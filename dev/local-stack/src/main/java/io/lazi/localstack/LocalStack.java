package io.lazi.localstack;

import java.net.URI;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.lazi.localstack.infra.ConsumerLag;
import io.lazi.localstack.infra.DatabaseRole;
import io.lazi.localstack.infra.DatabaseSettings;
import io.lazi.localstack.infra.EmbeddedPostgresServer;
import io.lazi.localstack.infra.IdentityProviderClient;
import io.lazi.localstack.infra.KafkaBroker;
import io.lazi.localstack.infra.StackSecrets;
import io.lazi.localstack.process.ClassDataSharing;
import io.lazi.localstack.process.JavaCommand;
import io.lazi.localstack.process.ManagedProcess;
import io.lazi.localstack.process.ProcessSpec;
import io.lazi.localstack.process.ProcessSupervisor;
import io.lazi.localstack.process.Readiness;
import io.lazi.localstack.process.StackLayout;
import io.lazi.localstack.process.StackPorts;
import io.lazi.localstack.process.StartupException;
import io.lazi.platform.events.KafkaAccess;

/**
 * The wiring of the local stack: which processes run, from which jars, with which environment and
 * readiness checks. {@code ./lazi up} and the end-to-end tests both start the stack through this
 * class, so the two cannot drift apart.
 *
 * <p>Order: the identity provider, PostgreSQL (unless {@link DatabaseSettings#embedded() external}),
 * the ServiceTitan simulator and Kafka first; once the identity provider, Kafka and PostgreSQL are
 * ready, st-ingest, pricebook, crm-pipeline, field, notification, image and the gateway in parallel, each as
 * many times as {@link StackInstances#replicas()} says (the identity provider, simulator, Kafka and
 * PostgreSQL always once). With more than one instance per service, a caller of a service (the gateway's
 * routes, {@code InternalClient}s) is pointed at {@code lb://<service>} and told every instance's URL in
 * {@code spring.cloud.discovery.client.simple.instances} (by {@code SPRING_APPLICATION_JSON}), so Spring
 * Cloud LoadBalancer spreads the calls; with one, at the service's plain URL as before. Every
 * HTTP process binds {@value #BIND_ADDRESS} (default {@code 127.0.0.1}), serves its actuator on its
 * port + 100 and is told the issuer ({@code LAZI_SECURITY_ISSUER_URI}); those that call internal APIs
 * get their client secret ({@code LAZI_SECURITY_CLIENT_SECRET}). Those with a database connect as their
 * own {@link DatabaseRole}, which the stack creates or updates once PostgreSQL is ready
 * ({@link #provisionDatabaseRoles()}). Not thread-safe; call from one thread.
 */
public final class LocalStack {

	/** The reference tenant of the ServiceTitan simulator. */
	public static final String REFERENCE_TENANT = "3222348440";

	/** The Spring Boot services started after the infrastructure, in start order. */
	public static final List<StackService> SERVICES = List.of(StackService.ST_INGEST, StackService.PRICEBOOK,
			StackService.CRM_PIPELINE, StackService.FIELD, StackService.NOTIFICATION, StackService.IMAGE,
			StackService.GATEWAY);

	/** The process name of the embedded PostgreSQL. */
	public static final String POSTGRES = "postgres";

	private final StackLayout layout;

	private final StackPorts ports;

	private final StackInstances instances;

	private final DatabaseSettings database;

	private final StackSecrets secrets;

	private final ProcessSupervisor supervisor;

	/**
	 * The variable that turns st-ingest's scheduled pricebook, CRM and dispatch pulls off ({@code false}) or on
	 * ({@code true}, the default); a dispatch pull still follows each completed CRM run.
	 */
	public static final String SCHEDULED_SYNCS = "LAZI_SCHEDULED_SYNCS";

	/**
	 * The variable through which a service with callees gets their instances' URLs when there are several:
	 * Spring Boot reads it as properties, here {@code spring.cloud.discovery.client.simple.instances.<service>[n].uri}.
	 */
	public static final String DISCOVERY_JSON = "SPRING_APPLICATION_JSON";

	/** The base URL prefix of a load-balanced service, as Spring Cloud names it: {@code lb://<service>}. */
	public static final String LOAD_BALANCED = "lb://";

	/** Whom each service calls over HTTP: the gateway routes to every service; the others' InternalClients. */
	private static final Map<StackService, List<StackService>> CALLS = Map.of(
			StackService.GATEWAY, List.of(StackService.ST_INGEST, StackService.PRICEBOOK, StackService.CRM_PIPELINE,
					StackService.FIELD, StackService.IMAGE, StackService.NOTIFICATION),
			StackService.ST_INGEST, List.of(StackService.IMAGE),
			StackService.PRICEBOOK, List.of(StackService.IMAGE),
			StackService.IMAGE, List.of(StackService.ST_INGEST),
			StackService.CRM_PIPELINE, List.of(StackService.ST_INGEST));

	private static final ObjectMapper JSON = new ObjectMapper();

	/** The variable naming the address every process binds, {@code 127.0.0.1} unless set (e.g. {@code 0.0.0.0}). */
	public static final String BIND_ADDRESS = "LAZI_BIND_ADDRESS";

	/**
	 * The tracing and log settings every service gets from the caller's environment when set there (docs/operations.md,
	 * "Tracing and logs"): the console log format ({@code ecs} for JSON lines in the log files), the OTLP endpoint
	 * traces go to, the sampling probability.
	 */
	public static final List<String> OBSERVABILITY = List.of("LAZI_LOG_FORMAT", "LAZI_OTLP_TRACING_ENDPOINT",
			"LAZI_TRACING_SAMPLING_PROBABILITY");

	/** Taken from the caller's environment for the gateway (its per-tenant budget of {@code /api} requests). */
	public static final List<String> RATE_LIMIT = List.of("LAZI_GATEWAY_RATE_LIMIT", "LAZI_GATEWAY_RATE_LIMIT_PERIOD");

	/**
	 * Taken from the caller's environment: the simulated ServiceTitan's per-tenant budget of calls a second (60, as
	 * ServiceTitan's, when unset), with st-ingest pacing itself 2 under it as it does under ServiceTitan's. The test
	 * stacks raise it so that a full sync is not mostly waiting for the budget; a real ServiceTitan is never affected.
	 */
	public static final String ST_REQUESTS_PER_SECOND = "LAZI_ST_REQUESTS_PER_SECOND";

	private final Map<String, String> userEnvironment;

	/** The services' JVM options ({@code LAZI_JVM} of the caller's environment). */
	private final JvmSettings jvm;

	private final KafkaBroker kafka;

	private final String externalKafka;

	/**
	 * @param layout where the jars, logs and data are
	 * @param ports the ports to use
	 * @param database the PostgreSQL to use (or start, when embedded)
	 * @param secrets the client secrets, users' password and signing key file of the identity provider
	 * @param supervisor starts and records the processes
	 * @param userEnvironment the caller's environment; {@code LAZI_ST_AUTH_URL} and
	 * {@code LAZI_ST_API_URL} there point st-ingest at a real ServiceTitan instead of the simulator,
	 * {@value #SCHEDULED_SYNCS}{@code =false} turns its scheduled pulls off, {@value #BIND_ADDRESS} sets
	 * the address every process binds, the {@link #OBSERVABILITY} variables go to every service
	 */
	public LocalStack(StackLayout layout, StackPorts ports, DatabaseSettings database, StackSecrets secrets,
			ProcessSupervisor supervisor, Map<String, String> userEnvironment) {
		this(layout, ports, database, "", secrets, supervisor, userEnvironment);
	}

	/**
	 * A stack whose services use an already running Kafka broker (the test harness's) instead of
	 * starting one; {@link #startKafka()} must then not be called.
	 * @param externalKafka bootstrap servers of that broker, or empty to start our own
	 */
	public LocalStack(StackLayout layout, StackPorts ports, DatabaseSettings database, String externalKafka,
			StackSecrets secrets, ProcessSupervisor supervisor, Map<String, String> userEnvironment) {
		this(layout, StackInstances.offset(ports, 1), ports, database, externalKafka, secrets, supervisor, userEnvironment);
	}

	/**
	 * A stack that runs {@code instances} of each service.
	 * @param instances the instances of each service; instance 1 of each on its port of {@code ports}
	 * @param externalKafka bootstrap servers of a running broker (the test harness's), or empty to start our own
	 * @throws IllegalArgumentException when an instance 1 is not on its port of {@code ports}
	 */
	public LocalStack(StackLayout layout, StackInstances instances, StackPorts ports, DatabaseSettings database,
			String externalKafka, StackSecrets secrets, ProcessSupervisor supervisor, Map<String, String> userEnvironment) {

		for (var service : StackService.values()) {
			if (instances.first(service).port() != service.port(ports)) {
				throw new IllegalArgumentException("Instance 1 of " + service.module() + " is on port "
						+ instances.first(service).port() + ", not on its port " + service.port(ports));
			}
		}
		this.instances = instances;
		this.externalKafka = externalKafka;
		this.layout = layout;
		this.ports = ports;
		this.database = database;
		this.secrets = secrets;
		this.supervisor = supervisor;
		this.userEnvironment = Map.copyOf(userEnvironment);
		this.jvm = JvmSettings.of(userEnvironment.get(JvmSettings.VARIABLE));
		this.kafka = new KafkaBroker(layout, ports, secrets::kafkaCredentials);
	}

	/**
	 * Starts everything (Kafka only when this stack has its own, PostgreSQL only when embedded) and
	 * waits until each process is ready; the end-to-end and security tests start their stack so too.
	 * @param timeout for each of the two phases (infrastructure, services); the services' phase gets it
	 * once per {@link StackInstances#replicas() replica}, as they all start at once on the same cores
	 * @param onReady told about each process as it becomes ready
	 * @return the processes, in start order
	 * @throws StartupException when a process ends or is not ready in time (nothing is stopped
	 * here; close the supervisor)
	 */
	public List<ManagedProcess> start(Duration timeout, Consumer<ManagedProcess> onReady) {

		checkExternalDatabase();
		var infrastructure = new ArrayList<ManagedProcess>();
		infrastructure.add(startService(StackService.IDENTITY_PROVIDER));
		startPostgres().ifPresent(infrastructure::add);
		var simulator = startService(StackService.ST_SIMULATOR);
		if (externalKafka.isEmpty()) {
			infrastructure.add(startKafka());
		}
		supervisor.awaitReady(infrastructure, timeout, onReady);
		if (externalKafka.isEmpty()) {
			provisionKafka();
		}
		provisionDatabaseRoles();
		var services = new ArrayList<ManagedProcess>();
		services.add(simulator);
		instances.services().forEach(instance -> services.add(startInstance(instance)));
		supervisor.awaitReady(services, timeout.multipliedBy(instances.replicas()), onReady);
		return supervisor.processes();
	}

	/**
	 * Formats the Kafka storage when new and starts the broker; does not wait. Once it is ready,
	 * {@link #provisionKafka()} creates the topics, service principals and ACLs.
	 */
	public ManagedProcess startKafka() {

		if (!externalKafka.isEmpty()) {
			throw new IllegalStateException("This stack uses the Kafka broker at " + externalKafka);
		}
		kafka.prepare(supervisor);
		return supervisor.start(kafka.spec());
	}

	/** Creates, as the operator, the platform topics, the services' SCRAM credentials and their ACLs. */
	public void provisionKafka() {
		kafka.provision();
	}

	/** Starts the embedded PostgreSQL, unless the database is external; does not wait. */
	public Optional<ManagedProcess> startPostgres() {

		if (!database.embedded()) {
			return Optional.empty();
		}
		var classpath = List.of(codeLocation(), layout.infrastructureLib() + "/*");
		var command = JavaCommand.mainClass(classpath, EmbeddedPostgresServer.class.getName(),
				List.of("-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
				List.of(String.valueOf(ports.database()), layout.postgresDataDirectory().toString()));
		// The admin password goes by environment, not on the command line other users can read.
		var env = Map.of(EmbeddedPostgresServer.ADMIN_PASSWORD, database.password());
		return Optional.of(supervisor.start(new ProcessSpec(POSTGRES, command, env, layout.logFile("postgres"),
				ports.database(), Readiness.jdbc(database.jdbcUrl(), database.username(), database.password()))));
	}

	/**
	 * Starts (instance 1 of) one Spring Boot process from its module's jar; does not wait. Ready when its
	 * health on the management port says UP.
	 */
	public ManagedProcess startService(StackService service) {
		return startInstance(instances.first(service));
	}

	/**
	 * Starts one instance of a Spring Boot service from its module's jar, named, logged and recorded as
	 * {@link ServiceInstance#name()}; does not wait. Ready when its health on the management port says UP.
	 */
	public ManagedProcess startInstance(ServiceInstance instance) {

		var service = instance.service();
		var jar = layout.moduleJar(service.directory());
		// Benchmarks measure a pod's start, which has no archive; everything else starts twice as fast with one.
		var command = jvm == JvmSettings.STARTUP ? ClassDataSharing.jar(jar, instance.name(), jvm.options(service))
				: JavaCommand.jar(jar, jvm.options(service), List.of());
		return supervisor.start(new ProcessSpec(instance.name(), command, environment(instance),
				layout.logFile(instance.name()), instance.port(), Readiness.httpHealth(instance.healthUrl())));
	}

	/**
	 * Kills {@code instance} with SIGKILL, as a crash (or the kernel's OOM killer) would: no shutdown
	 * hook runs. With {@link ProcessSupervisor#superviseRestarts() supervision} (as {@code ./lazi up} has)
	 * it is started again after its back-off; without, it stays down until {@link #start(ServiceInstance)}.
	 * Does not wait.
	 * @return the pid killed
	 * @throws IllegalArgumentException when this stack did not start {@code instance}
	 * @throws IllegalStateException when it is not running
	 */
	public long kill(ServiceInstance instance) {
		return supervisor.kill(instance.name());
	}

	/**
	 * Stops {@code instance} as an orderly shutdown does (SIGTERM; SIGKILL after
	 * {@link ProcessSupervisor#DEFAULT_GRACE}) and keeps it down, supervision or not, until
	 * {@link #start(ServiceInstance)}. Blocks until it has ended.
	 * @return whether it was running
	 * @throws IllegalArgumentException when this stack did not start {@code instance}
	 */
	public boolean stop(ServiceInstance instance) {
		return supervisor.stop(instance.name(), ProcessSupervisor.DEFAULT_GRACE);
	}

	/**
	 * Starts {@code instance} again (after {@link #stop} or {@link #kill}) with the same command and
	 * environment, unless it runs, and waits until it is ready (its own process answers UP on its
	 * management port).
	 * @return the process now running
	 * @throws IllegalArgumentException when this stack did not start {@code instance}
	 * @throws StartupException when it ends or is not ready within {@code timeout}
	 */
	public ManagedProcess start(ServiceInstance instance, Duration timeout) {

		var process = supervisor.startAgain(instance.name());
		supervisor.awaitReady(process, timeout);
		return process;
	}

	/**
	 * {@link #stop Stops} {@code instance} and {@link #start starts} it again, waiting until it is ready.
	 * @return the new process
	 * @throws IllegalArgumentException when this stack did not start {@code instance}
	 * @throws StartupException when it ends or is not ready within {@code timeout}
	 */
	public ManagedProcess restart(ServiceInstance instance, Duration timeout) {

		stop(instance);
		return start(instance, timeout);
	}

	/**
	 * Freezes {@code instance} with SIGSTOP: it keeps its sockets but answers nothing, sends no Kafka
	 * heartbeat and commits nothing until {@link #resume}; freeze it longer than the consumers' session
	 * timeout (45 s by default) and its partitions move to the other instances. Does not wait.
	 * @throws IllegalArgumentException when this stack did not start {@code instance}
	 * @throws IllegalStateException when it is not running or could not be signalled
	 */
	public void freeze(ServiceInstance instance) {
		supervisor.freeze(instance.name());
	}

	/**
	 * Resumes {@code instance} with SIGCONT after {@link #freeze}; harmless when it runs. Does not wait.
	 * @throws IllegalArgumentException when this stack did not start {@code instance}
	 * @throws IllegalStateException when it is not running or could not be signalled
	 */
	public void resume(ServiceInstance instance) {
		supervisor.resume(instance.name());
	}

	/**
	 * Restarts this stack's Kafka broker (SIGTERM, the broker's controlled shutdown; SIGKILL after
	 * {@link ProcessSupervisor#DEFAULT_GRACE}) with the same storage, and waits until it answers metadata
	 * requests again. The services' clients reconnect by themselves. Blocks.
	 * @return the new broker process
	 * @throws IllegalStateException when the stack uses an external broker (the test harness's)
	 * @throws StartupException when the broker ends or is not ready within {@code timeout}
	 */
	public ManagedProcess restartKafka(Duration timeout) {

		if (!externalKafka.isEmpty()) {
			throw new IllegalStateException("This stack uses the Kafka broker at " + externalKafka + "; it cannot restart it");
		}
		return restartProcess(KafkaBroker.NAME, timeout);
	}

	/**
	 * Restarts the embedded PostgreSQL (SIGTERM: a fast shutdown that ends the open sessions; SIGKILL after
	 * {@link ProcessSupervisor#DEFAULT_GRACE}) with the same data directory, and waits until it answers
	 * {@code select 1}. The services' pools fail their connections meanwhile and reconnect after. Blocks.
	 * @return the new PostgreSQL process
	 * @throws IllegalStateException when the database is external ({@code LAZI_DB_URL})
	 * @throws StartupException when it ends or is not ready within {@code timeout}
	 */
	public ManagedProcess restartPostgres(Duration timeout) {

		if (!database.embedded()) {
			throw new IllegalStateException("The database at " + database.jdbcUrl() + " is external; it cannot be restarted");
		}
		return restartProcess(POSTGRES, timeout);
	}

	private ManagedProcess restartProcess(String name, Duration timeout) {

		var process = supervisor.restart(name, ProcessSupervisor.DEFAULT_GRACE);
		supervisor.awaitReady(process, timeout);
		return process;
	}

	/** The issuer of the identity provider this stack starts: {@code http://127.0.0.1:<its port>}. */
	public JvmSettings jvm() {
		return jvm;
	}

	/** The identity provider's issuer URL. */
	public String issuer() {
		return IdentityProviderClient.localIssuer(ports.identityProvider()).toString();
	}

	/** The dev client that gets user tokens from this stack's identity provider. */
	public IdentityProviderClient identityProvider() {
		return new IdentityProviderClient(URI.create(issuer()), secrets.clientSecret(StackSecrets.CLI_CLIENT));
	}

	/**
	 * The origins the console is served from: each gateway instance's port on {@code localhost} and
	 * {@code 127.0.0.1}, and Vite's dev server ({@code npm run dev} in {@code console/}).
	 */
	public String consoleOrigins() {

		var origins = new ArrayList<String>();
		for (var gateway : instances.of(StackService.GATEWAY)) {
			origins.add("http://localhost:" + gateway.port());
			origins.add("http://127.0.0.1:" + gateway.port());
		}
		origins.add("http://localhost:5173");
		return String.join(",", origins);
	}

	/** The secrets of this stack. */
	public StackSecrets secrets() {
		return secrets;
	}

	/** The environment (instance 1 of) a service is started with (added to the caller's own). */
	public Map<String, String> environment(StackService service) {
		return environment(instances.first(service));
	}

	/** The environment an instance of a service is started with (added to the caller's own). */
	public Map<String, String> environment(ServiceInstance instance) {

		var service = instance.service();
		var env = new LinkedHashMap<String, String>();
		var bindAddress = userEnvironment.getOrDefault(BIND_ADDRESS, "").strip();
		if (bindAddress.isEmpty()) {
			bindAddress = "127.0.0.1";
		}
		env.put("SERVER_PORT", String.valueOf(instance.port()));
		env.put("SERVER_ADDRESS", bindAddress);
		env.put("MANAGEMENT_SERVER_PORT", String.valueOf(instance.managementPort()));
		env.put("MANAGEMENT_SERVER_ADDRESS", bindAddress);
		if (service == StackService.IDENTITY_PROVIDER) {
			env.put("LAZI_IDENTITY_PROVIDER_ISSUER", issuer());
			env.put("LAZI_IDENTITY_PROVIDER_KEY_FILE", secrets.signingKeyFile().toString());
			env.put("LAZI_IDENTITY_PROVIDER_USERS_PASSWORD", secrets.usersPassword());
			// The console is served by this stack's gateway: its redirect URI and CORS origin.
			env.put("LAZI_IDENTITY_PROVIDER_CONSOLE_ORIGINS", consoleOrigins());
			secrets.clientSecrets()
				.forEach((client, secret) -> env.put("LAZI_IDENTITY_PROVIDER_CLIENT_SECRET_"
						+ client.toUpperCase(Locale.ROOT).replace('-', '_'), secret));
			return env;
		}
		env.put("LAZI_SECURITY_ISSUER_URI", issuer());
		OBSERVABILITY.stream().filter(userEnvironment::containsKey).forEach(name -> env.put(name, userEnvironment.get(name)));
		if (service.callsInternalApis()) {
			env.put("LAZI_SECURITY_CLIENT_SECRET", secrets.clientSecret(service.module()));
		}
		env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
		env.putAll(kafkaPrincipal(service));
		env.putAll(databaseEnvironment(service));
		var simulator = StackService.ST_SIMULATOR.baseUrl(ports);
		switch (service) {
			case ST_SIMULATOR -> {
				// The second name is the relaxed binding of lazi.st-simulator.images.cdn-base-url.
				env.put("LAZI_ST_SIMULATOR_CDN_BASE_URL", simulator + "/cdn");
				env.put("LAZI_STSIMULATOR_IMAGES_CDNBASEURL", simulator + "/cdn");
				budget().ifPresent(perSecond -> env.put("LAZI_STSIMULATOR_RATELIMIT_REQUESTS", String.valueOf(perSecond)));
			}
			case ST_INGEST -> {
				env.put("LAZI_ST_AUTH_URL", userEnvironment.getOrDefault("LAZI_ST_AUTH_URL", simulator));
				env.put("LAZI_ST_API_URL", userEnvironment.getOrDefault("LAZI_ST_API_URL", simulator));
				// Pushing an image override reads the upload's bytes from image-service.
				env.put("LAZI_IMAGE_URL", serviceUrl(StackService.IMAGE));
				if (!userEnvironment.containsKey("LAZI_ST_API_URL")) {
					budget().ifPresent(perSecond -> env.put("LAZI_STINGEST_SERVICETITAN_REQUESTSPERSECOND",
							String.valueOf(Math.max(1, perSecond - 2))));
				}
				// Off, no scheduled pull races the syncs a caller triggers (the end-to-end tests do so).
				var scheduled = userEnvironment.get(SCHEDULED_SYNCS);
				if (scheduled != null) {
					env.put("LAZI_STINGEST_SCHEDULE_ENABLED", scheduled);
					env.put("LAZI_STINGEST_CRMSCHEDULE_ENABLED", scheduled);
					env.put("LAZI_STINGEST_DISPATCHSCHEDULE_ENABLED", scheduled);
				}
			}
			case IMAGE -> {
				env.put("LAZI_ST_INGEST_URL", serviceUrl(StackService.ST_INGEST));
				// The simulated CDN is http on localhost: allow exactly that host, port and scheme, and
				// loopback, which production never allows (lazi.image.st-proxy.allow-loopback).
				env.put("LAZI_IMAGE_ST_PROXY_ALLOWED_HOSTS", "localhost");
				env.put("LAZI_IMAGE_ST_PROXY_ALLOWED_PORTS", String.valueOf(ports.stSimulator()));
				env.put("LAZI_IMAGE_ST_PROXY_ALLOW_HTTP", "true");
				env.put("LAZI_IMAGE_ST_PROXY_ALLOW_LOOPBACK", "true");
				env.put("LAZI_IMAGE_ST_PROXY_SCHEME", "http");
			}
			case CRM_PIPELINE -> env.put("LAZI_ST_INGEST_URL", serviceUrl(StackService.ST_INGEST));
			// An edit's imageUploadId is checked with image-service before anything is written.
			case PRICEBOOK -> env.put("LAZI_IMAGE_URL", serviceUrl(StackService.IMAGE));
			case GATEWAY -> {
				env.put("LAZI_ST_INGEST_URL", serviceUrl(StackService.ST_INGEST));
				env.put("LAZI_PRICEBOOK_URL", serviceUrl(StackService.PRICEBOOK));
				env.put("LAZI_NOTIFICATION_URL", serviceUrl(StackService.NOTIFICATION));
				env.put("LAZI_CRM_PIPELINE_URL", serviceUrl(StackService.CRM_PIPELINE));
				env.put("LAZI_FIELD_URL", serviceUrl(StackService.FIELD));
				env.put("LAZI_IMAGE_URL", serviceUrl(StackService.IMAGE));
				// The tenant's request budget: benchmarks lift it to measure the gateway, not its limiter.
				RATE_LIMIT.stream().filter(userEnvironment::containsKey).forEach(name -> env.put(name, userEnvironment.get(name)));
			}
			default -> {
			}
		}
		discoveryEnvironment(service).ifPresent(json -> env.put(DISCOVERY_JSON, json));
		return env;
	}

	/**
	 * The simulated ServiceTitan's calls a second per tenant the caller asked for ({@value #ST_REQUESTS_PER_SECOND}).
	 *
	 * @throws IllegalArgumentException when it is not a number of at least 3
	 */
	private Optional<Integer> budget() {

		var value = userEnvironment.get(ST_REQUESTS_PER_SECOND);
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		var perSecond = Integer.parseInt(value.strip());
		if (perSecond < 3) {
			throw new IllegalArgumentException(ST_REQUESTS_PER_SECOND + " must be at least 3, not " + value);
		}
		return Optional.of(perSecond);
	}

	/**
	 * Where callers reach {@code target}: its plain URL with one instance, {@code lb://<module>} with
	 * several (the instances are in {@link #DISCOVERY_JSON}).
	 */
	private String serviceUrl(StackService target) {
		return instances.replicas() == 1 ? instances.first(target).baseUrl() : LOAD_BALANCED + target.module();
	}

	/**
	 * With several instances per service: the JSON of {@code spring.cloud.discovery.client.simple.instances}
	 * listing every instance of each service that {@code caller} calls.
	 */
	private Optional<String> discoveryEnvironment(StackService caller) {

		var targets = CALLS.getOrDefault(caller, List.of());
		if (instances.replicas() == 1 || targets.isEmpty()) {
			return Optional.empty();
		}
		var byService = new LinkedHashMap<String, List<Map<String, String>>>();
		targets.forEach(target -> byService.put(target.module(),
				instances.of(target).stream().map(instance -> Map.of("uri", instance.baseUrl())).toList()));
		var json = Map.of("spring", Map.of("cloud",
				Map.of("discovery", Map.of("client", Map.of("simple", Map.of("instances", byService))))));
		try {
			return Optional.of(JSON.writeValueAsString(json));
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The instances of each service this stack runs. */
	public StackInstances instances() {
		return instances;
	}

	/**
	 * Creates or updates, connected as the database's admin, each service's role whose credentials
	 * were not given, with its password from the run directory; idempotent, so it also brings an
	 * older data directory (where everything was the superuser's) to the roles.
	 */
	public void provisionDatabaseRoles() {

		var passwords = new LinkedHashMap<DatabaseRole, String>();
		DatabaseRole.ALL.stream()
			.filter(role -> database.given(role).isEmpty())
			.forEach(role -> passwords.put(role, secrets.databasePassword(role)));
		if (passwords.isEmpty()) {
			return;
		}
		try (var admin = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
			DatabaseRole.provision(admin, passwords);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the services' database roles " + passwords.keySet()
					+ " as " + database.username() + " at " + database.jdbcUrl() + ": " + ex.getMessage(), ex);
		}
	}

	/** The user and password {@code role} connects with: those given for it, else its own from the run directory. */
	public DatabaseSettings.Credentials databaseCredentials(DatabaseRole role) {
		return database.given(role)
			.orElseGet(() -> new DatabaseSettings.Credentials(role.name(), secrets.databasePassword(role)));
	}

	/** The datasource of a service with a database: the URL and its own role's credentials. */
	private Map<String, String> databaseEnvironment(StackService service) {

		return service.databaseRole().map(role -> {
			var credentials = databaseCredentials(role);
			return Map.of("SPRING_DATASOURCE_URL", database.jdbcUrl(), "SPRING_DATASOURCE_USERNAME",
					credentials.username(), "SPRING_DATASOURCE_PASSWORD", credentials.password());
		}).orElse(Map.of());
	}

	/** {@code localhost:<kafka port>}. */
	public String kafkaBootstrapServers() {
		return externalKafka.isEmpty() ? kafka.bootstrapServers() : externalKafka;
	}

	/**
	 * The consumer lag of the services' groups, read as the operator ({@code lazi-admin}) on the stack's own
	 * broker, anonymously on an external one (the test harness's).
	 */
	public ConsumerLag consumerLag() {
		return new ConsumerLag(kafkaBootstrapServers(), externalKafka.isEmpty()
				? secrets.kafkaCredentials().clientProperties(KafkaAccess.ADMIN) : Map.of());
	}

	/** The database the services use. */
	public DatabaseSettings database() {
		return database;
	}

	/** The ports. */
	public StackPorts ports() {
		return ports;
	}

	/** The layout. */
	public StackLayout layout() {
		return layout;
	}

	/**
	 * How {@code service} connects to this stack's own broker: as its own SASL/SCRAM principal, leaving the
	 * topics to the operator ({@link KafkaAccess}). Nothing for a service without a principal, nor with the
	 * test harness's broker, which takes anonymous clients.
	 */
	private Map<String, String> kafkaPrincipal(StackService service) {

		var principal = KafkaAccess.Principal.ofUser(service.module());
		if (!externalKafka.isEmpty() || principal.isEmpty()) {
			return Map.of();
		}
		var env = new LinkedHashMap<>(secrets.kafkaCredentials().springEnvironment(principal.get().user()));
		env.put("LAZI_KAFKA_CREATE_TOPICS", "false");
		return env;
	}

	private void checkExternalDatabase() {

		if (database.embedded()) {
			return;
		}
		if (database.needsAdmin()
				&& !Readiness.jdbc(database.jdbcUrl(), database.username(), database.password()).check()) {
			throw new IllegalStateException("Cannot connect to the PostgreSQL at LAZI_DB_URL=" + database.jdbcUrl()
					+ " as " + database.username() + " (select 1 failed), which creates the roles not given by "
					+ "LAZI_DB_<ROLE>_PASSWORD");
		}
		for (var role : DatabaseRole.ALL) {
			database.given(role).ifPresent(credentials -> {
				if (!Readiness.jdbc(database.jdbcUrl(), credentials.username(), credentials.password()).check()) {
					throw new IllegalStateException("Cannot connect to the PostgreSQL at LAZI_DB_URL=" + database.jdbcUrl()
							+ " as " + credentials.username() + " (" + role.environmentPrefix() + "USER, select 1 failed)");
				}
			});
		}
	}

	private static String codeLocation() {

		try {
			return java.nio.file.Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI())
				.toString();
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
