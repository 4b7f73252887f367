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

import io.lazi.localstack.infra.DatabaseRole;
import io.lazi.localstack.infra.DatabaseSettings;
import io.lazi.localstack.infra.EmbeddedPostgresServer;
import io.lazi.localstack.infra.IdentityProviderClient;
import io.lazi.localstack.infra.KafkaBroker;
import io.lazi.localstack.infra.StackSecrets;
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
 * ready, st-ingest, pricebook, crm-pipeline, notification, image and the gateway in parallel. Every
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
			StackService.CRM_PIPELINE, StackService.NOTIFICATION, StackService.IMAGE, StackService.GATEWAY);

	private final StackLayout layout;

	private final StackPorts ports;

	private final DatabaseSettings database;

	private final StackSecrets secrets;

	private final ProcessSupervisor supervisor;

	/**
	 * The variable that turns st-ingest's scheduled pricebook and CRM pulls off ({@code false}) or on
	 * ({@code true}, the default).
	 */
	public static final String SCHEDULED_SYNCS = "LAZI_SCHEDULED_SYNCS";

	/** The variable naming the address every process binds, {@code 127.0.0.1} unless set (e.g. {@code 0.0.0.0}). */
	public static final String BIND_ADDRESS = "LAZI_BIND_ADDRESS";

	private final Map<String, String> userEnvironment;

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
	 * the address every process binds
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

		this.externalKafka = externalKafka;
		this.layout = layout;
		this.ports = ports;
		this.database = database;
		this.secrets = secrets;
		this.supervisor = supervisor;
		this.userEnvironment = Map.copyOf(userEnvironment);
		this.kafka = new KafkaBroker(layout, ports, secrets::kafkaCredentials);
	}

	/**
	 * Starts everything (Kafka only when this stack has its own, PostgreSQL only when embedded) and
	 * waits until each process is ready; the end-to-end and security tests start their stack so too.
	 * @param timeout for each of the two phases (infrastructure, services)
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
		SERVICES.forEach(service -> services.add(startService(service)));
		supervisor.awaitReady(services, timeout, onReady);
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
		return Optional.of(supervisor.start(new ProcessSpec("postgres", command, env, layout.logFile("postgres"),
				ports.database(), Readiness.jdbc(database.jdbcUrl(), database.username(), database.password()))));
	}

	/**
	 * Starts one Spring Boot process from its module's jar; does not wait. Ready when its health on
	 * the management port says UP.
	 */
	public ManagedProcess startService(StackService service) {

		var command = JavaCommand.jar(layout.moduleJar(service.directory()), JavaCommand.SERVICE_JVM_OPTIONS, List.of());
		return supervisor.start(new ProcessSpec(service.module(), command, environment(service),
				layout.logFile(service.module()), service.port(ports), Readiness.httpHealth(service.healthUrl(ports))));
	}

	/** The issuer of the identity provider this stack starts: {@code http://127.0.0.1:<its port>}. */
	public String issuer() {
		return IdentityProviderClient.localIssuer(ports.identityProvider()).toString();
	}

	/** The dev client that gets user tokens from this stack's identity provider. */
	public IdentityProviderClient identityProvider() {
		return new IdentityProviderClient(URI.create(issuer()), secrets.clientSecret(StackSecrets.CLI_CLIENT));
	}

	/**
	 * The origins the console is served from: the gateway's port on {@code localhost} and
	 * {@code 127.0.0.1}, and Vite's dev server ({@code npm run dev} in {@code console/}).
	 */
	public String consoleOrigins() {

		var gateway = StackService.GATEWAY.port(ports);
		return "http://localhost:" + gateway + ",http://127.0.0.1:" + gateway + ",http://localhost:5173";
	}

	/** The secrets of this stack. */
	public StackSecrets secrets() {
		return secrets;
	}

	/** The environment a service is started with (added to the caller's own). */
	public Map<String, String> environment(StackService service) {

		var env = new LinkedHashMap<String, String>();
		var bindAddress = userEnvironment.getOrDefault(BIND_ADDRESS, "").strip();
		if (bindAddress.isEmpty()) {
			bindAddress = "127.0.0.1";
		}
		env.put("SERVER_PORT", String.valueOf(service.port(ports)));
		env.put("SERVER_ADDRESS", bindAddress);
		env.put("MANAGEMENT_SERVER_PORT", String.valueOf(service.managementPort(ports)));
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
			}
			case ST_INGEST -> {
				env.put("LAZI_ST_AUTH_URL", userEnvironment.getOrDefault("LAZI_ST_AUTH_URL", simulator));
				env.put("LAZI_ST_API_URL", userEnvironment.getOrDefault("LAZI_ST_API_URL", simulator));
				// Pushing an image override reads the upload's bytes from image-service.
				env.put("LAZI_IMAGE_URL", StackService.IMAGE.baseUrl(ports));
				// Off, no scheduled pull races the syncs a caller triggers (the end-to-end tests do so).
				var scheduled = userEnvironment.get(SCHEDULED_SYNCS);
				if (scheduled != null) {
					env.put("LAZI_STINGEST_SCHEDULE_ENABLED", scheduled);
					env.put("LAZI_STINGEST_CRMSCHEDULE_ENABLED", scheduled);
				}
			}
			case IMAGE -> {
				env.put("LAZI_ST_INGEST_URL", StackService.ST_INGEST.baseUrl(ports));
				// The simulated CDN is http on localhost: allow exactly that host, port and scheme, and
				// loopback, which production never allows (lazi.image.st-proxy.allow-loopback).
				env.put("LAZI_IMAGE_ST_PROXY_ALLOWED_HOSTS", "localhost");
				env.put("LAZI_IMAGE_ST_PROXY_ALLOWED_PORTS", String.valueOf(ports.stSimulator()));
				env.put("LAZI_IMAGE_ST_PROXY_ALLOW_HTTP", "true");
				env.put("LAZI_IMAGE_ST_PROXY_ALLOW_LOOPBACK", "true");
				env.put("LAZI_IMAGE_ST_PROXY_SCHEME", "http");
			}
			case CRM_PIPELINE -> env.put("LAZI_ST_INGEST_URL", StackService.ST_INGEST.baseUrl(ports));
			// An edit's imageUploadId is checked with image-service before anything is written.
			case PRICEBOOK -> env.put("LAZI_IMAGE_URL", StackService.IMAGE.baseUrl(ports));
			case GATEWAY -> {
				env.put("LAZI_ST_INGEST_URL", StackService.ST_INGEST.baseUrl(ports));
				env.put("LAZI_PRICEBOOK_URL", StackService.PRICEBOOK.baseUrl(ports));
				env.put("LAZI_NOTIFICATION_URL", StackService.NOTIFICATION.baseUrl(ports));
				env.put("LAZI_CRM_PIPELINE_URL", StackService.CRM_PIPELINE.baseUrl(ports));
				env.put("LAZI_IMAGE_URL", StackService.IMAGE.baseUrl(ports));
			}
			default -> {
			}
		}
		return env;
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
