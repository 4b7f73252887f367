package io.lazi.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.lazi.localstack.LocalStack;
import io.lazi.localstack.StackInstances;
import io.lazi.localstack.StackService;
import io.lazi.localstack.infra.DatabaseSettings;
import io.lazi.localstack.infra.IdentityProviderClient;
import io.lazi.localstack.infra.StackSecrets;
import io.lazi.localstack.process.ProcessSupervisor;
import io.lazi.localstack.process.StackLayout;
import io.lazi.localstack.process.StackPorts;
import io.lazi.platform.test.SharedInfrastructure;

/**
 * The whole platform as real processes, started exactly as {@code ./lazi up --replicas 2} starts them
 * against the test harness's Kafka and PostgreSQL, once per test JVM and stopped when it exits, so every
 * end-to-end class shares one stack (CPU is the scarce resource) and runs against {@value #REPLICAS}
 * instances of every service: what a user sees must not depend on how many there are. {@link #gateway()}
 * and {@link #wsUrl()} are the first gateway's; {@link #instances()} has them all. Tokens come from the
 * stack's own identity provider, as {@code ./lazi token} gets them. The services log ECS JSON lines
 * ({@code LAZI_LOG_FORMAT=ecs}) to {@link #logFiles} and export their spans to {@link #traces()}, as a
 * deployment with a collector would.
 */
record E2ePlatform(Gateway gateway, String wsUrl, String simulatorUrl, IdentityProviderClient identityProvider,
		StackInstances instances, StackLayout layout, OtlpReceiver traces) {

	/** Instances of each service. */
	static final int REPLICAS = 2;

	private static E2ePlatform instance;

	/** The running platform, started on first use. */
	static synchronized E2ePlatform get() throws Exception {

		if (instance == null) {
			instance = start();
		}
		return instance;
	}

	private static E2ePlatform start() throws Exception {

		var repository = Path.of("").toAbsolutePath().getParent().getParent(); // dev/e2e-tests → repository root
		var layout = new StackLayout(repository, Files.createTempDirectory("lazi-e2e"));
		var ports = StackPorts.free();
		var instances = StackInstances.free(ports, REPLICAS);
		var db = SharedInfrastructure.database();
		var secrets = StackSecrets.readOrCreate(layout.secretsDirectory());
		var supervisor = new ProcessSupervisor(layout.stateFile());
		var traces = OtlpReceiver.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			supervisor.close();
			traces.close();
		}, "e2e-platform-stop"));
		var stack = new LocalStack(layout, instances, ports,
				new DatabaseSettings(db.jdbcUrl(), db.username(), db.password(), false),
				SharedInfrastructure.kafkaBootstrapServers(), secrets, supervisor,
				// The tests trigger every sync they check; a scheduled pull in between would answer them 409. The
				// simulated ServiceTitan answers 300 calls a second, not 60: a full sync then waits seconds, not a minute.
				Map.of(LocalStack.SCHEDULED_SYNCS, "false", LocalStack.ST_REQUESTS_PER_SECOND, "300", "LAZI_LOG_FORMAT",
						"ecs", "LAZI_OTLP_TRACING_ENDPOINT", traces.endpoint()));
		stack.start(Duration.ofMinutes(4), process -> { });
		var gatewayUrl = StackService.GATEWAY.baseUrl(ports);
		return new E2ePlatform(new Gateway(gatewayUrl), gatewayUrl.replaceFirst("^http", "ws"),
				StackService.ST_SIMULATOR.baseUrl(ports), stack.identityProvider(), instances, layout, traces);
	}

	/** The log files of every instance of {@code service}. */
	List<Path> logFiles(StackService service) {
		return instances.of(service).stream().map(instance -> layout.logFile(instance.name())).toList();
	}

	/** A one-hour user token of {@code role} for {@code tenant} from the stack's identity provider. */
	String token(String tenant, String role) {
		return identityProvider.userToken("e2e-" + role.toLowerCase(), List.of(tenant), List.of(role), Duration.ofHours(1));
	}
}
