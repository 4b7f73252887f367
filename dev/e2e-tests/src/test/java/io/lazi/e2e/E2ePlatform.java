package io.lazi.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lazi.localstack.LocalStack;
import io.lazi.localstack.StackService;
import io.lazi.localstack.infra.DatabaseSettings;
import io.lazi.localstack.infra.DevTokens;
import io.lazi.localstack.process.ManagedProcess;
import io.lazi.localstack.process.ProcessSupervisor;
import io.lazi.localstack.process.StackLayout;
import io.lazi.localstack.process.StackPorts;
import io.lazi.platform.test.SharedInfrastructure;

/**
 * The whole platform as real processes, started exactly as {@code ./lazi up} starts them against the
 * test harness's Kafka and PostgreSQL, once per test JVM and stopped when it exits, so every
 * end-to-end class shares one stack (CPU is the scarce resource).
 */
record E2ePlatform(Gateway gateway, String wsUrl, String simulatorUrl, String secret) {

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
		var db = SharedInfrastructure.database();
		var secret = DevTokens.newSecret();
		var supervisor = new ProcessSupervisor(layout.stateFile());
		Runtime.getRuntime().addShutdownHook(new Thread(supervisor::close, "e2e-platform-stop"));
		var stack = new LocalStack(layout, ports, new DatabaseSettings(db.jdbcUrl(), db.username(), db.password(), false),
				SharedInfrastructure.kafkaBootstrapServers(), secret, supervisor,
				// The tests trigger every sync they check; a scheduled pull in between would answer them 409.
				Map.of(LocalStack.SCHEDULED_SYNCS, "false"));
		var processes = new ArrayList<ManagedProcess>();
		processes.add(stack.startService(StackService.ST_SIMULATOR));
		LocalStack.SERVICES.forEach(service -> processes.add(stack.startService(service)));
		supervisor.awaitReady(processes, Duration.ofMinutes(4));
		var gatewayUrl = StackService.GATEWAY.baseUrl(ports);
		return new E2ePlatform(new Gateway(gatewayUrl), gatewayUrl.replaceFirst("^http", "ws"),
				StackService.ST_SIMULATOR.baseUrl(ports), secret);
	}

	/** A one-hour dev token of {@code role} for {@code tenant}. */
	String token(String tenant, String role) {
		return DevTokens.mint(secret, "e2e-" + role.toLowerCase(), List.of(tenant), List.of(role), Duration.ofHours(1));
	}
}
