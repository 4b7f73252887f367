package io.lazi.consolee2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lazi.localstack.LocalStack;
import io.lazi.localstack.StackService;
import io.lazi.localstack.infra.DatabaseSettings;
import io.lazi.localstack.infra.StackSecrets;
import io.lazi.localstack.process.ProcessSupervisor;
import io.lazi.localstack.process.StackLayout;
import io.lazi.localstack.process.StackPorts;
import io.lazi.localstack.scenario.PricebookSync;
import io.lazi.localstack.scenario.ServiceClient;
import io.lazi.platform.test.SharedInfrastructure;

/**
 * Starts the platform once, as {@code ./lazi up} does, syncs the reference tenant's pricebook, then
 * runs the Playwright tests of {@code tests/} ({@code npm ci}, {@code npx playwright test}) in Debian's
 * headless Chromium against the console the gateway serves, signing in through the identity
 * provider's login form. Fails when any browser test fails; screenshots and the Playwright report stay
 * under {@code target/playwright/}.
 */
class ConsoleBrowserIntegrationTests {

	private static final Logger LOG = LoggerFactory.getLogger(ConsoleBrowserIntegrationTests.class);

	static final String CHROMIUM = "/usr/bin/chromium";

	private static ProcessSupervisor supervisor;

	private static LocalStack stack;

	@BeforeAll
	static void startThePlatform() throws Exception {

		var repository = Path.of("").toAbsolutePath().getParent().getParent(); // dev/console-e2e → root
		var layout = new StackLayout(repository, Files.createTempDirectory("lazi-console-e2e"));
		var db = SharedInfrastructure.database();
		supervisor = new ProcessSupervisor(layout.stateFile());
		Runtime.getRuntime().addShutdownHook(new Thread(supervisor::close, "console-e2e-stop"));
		stack = new LocalStack(layout, StackPorts.free(),
				new DatabaseSettings(db.jdbcUrl(), db.username(), db.password(), false),
				SharedInfrastructure.kafkaBootstrapServers(), StackSecrets.readOrCreate(layout.secretsDirectory()),
				supervisor, Map.of(LocalStack.SCHEDULED_SYNCS, "false", LocalStack.ST_REQUESTS_PER_SECOND, "300"));
		stack.start(Duration.ofMinutes(4), process -> LOG.info("{} ready", process.name()));
		var token = stack.identityProvider()
			.userToken("console-e2e", List.of(LocalStack.REFERENCE_TENANT), List.of("ADMIN"), Duration.ofHours(1));
		var gateway = ServiceClient.gateway(gatewayUrl(), token, LocalStack.REFERENCE_TENANT);
		var synced = new PricebookSync(gateway, Duration.ofMinutes(5)).run();
		LOG.info("pricebook synced: {}", synced.stats());
		LOG.info("CRM synced: {}", syncCrm(gateway, Duration.ofMinutes(4)));
	}

	/**
	 * Triggers the CRM sync, waits until crm-pipeline-service logs the run as finished, then until the
	 * pipeline distribution stays put (the last records may still be applying).
	 */
	private static String syncCrm(ServiceClient gateway, Duration timeout) {

		var trigger = gateway.send("POST", "/api/crm/sync/trigger");
		assertThat(trigger.statusCode()).as(trigger.body()).isEqualTo(202);
		var runId = ServiceClient.json(trigger).path("syncRunId").asText();
		var deadline = System.nanoTime() + timeout.toNanos();
		while (!finished(gateway, runId)) {
			assertThat(System.nanoTime()).as("CRM sync run %s finished in time", runId).isLessThan(deadline);
			ServiceClient.pause(Duration.ofSeconds(1));
		}
		var previous = "";
		while (System.nanoTime() < deadline) {
			var stats = ServiceClient.json(gateway.get("/api/crm/sync/stats")).toString();
			if (stats.equals(previous)) {
				return stats;
			}
			previous = stats;
			ServiceClient.pause(Duration.ofSeconds(2));
		}
		throw new IllegalStateException("The CRM distribution did not settle within " + timeout);
	}

	private static boolean finished(ServiceClient gateway, String runId) {

		for (var run : ServiceClient.json(gateway.get("/api/crm/sync/status")).path("runs")) {
			if (runId.equals(run.path("syncRunId").asText())) {
				var status = run.path("status").asText().toLowerCase(java.util.Locale.ROOT);
				assertThat(status).as("CRM sync run %s", runId).isNotEqualTo("failed");
				return status.equals("completed");
			}
		}
		return false;
	}

	@AfterAll
	static void stopThePlatform() {

		if (supervisor != null) {
			supervisor.close();
		}
	}

	@Test
	void passesEveryBrowserTest() throws Exception {

		assertThat(Path.of(CHROMIUM)).as("Debian's chromium package (.ci/run installs it)").isExecutable();
		var directory = Path.of(System.getProperty("lazi.console-e2e.dir", "."));
		var output = Path.of(System.getProperty("lazi.console-e2e.output", "target/playwright"));
		Files.createDirectories(output);
		var env = Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "LAZI_CONSOLE_URL", gatewayUrl(),
				"LAZI_CONSOLE_USER", "admin@" + LocalStack.REFERENCE_TENANT, "LAZI_CONSOLE_PASSWORD",
				stack.secrets().usersPassword(), "LAZI_ST_SIMULATOR_URL", StackService.ST_SIMULATOR.baseUrl(stack.ports()),
				"LAZI_TENANT", LocalStack.REFERENCE_TENANT, "LAZI_PLAYWRIGHT_OUTPUT", output.toString(), "CHROMIUM_PATH",
				CHROMIUM);
		assertThat(run(directory, output.resolve("npm-ci.log"), env, Duration.ofMinutes(5), "npm", "ci", "--prefer-offline",
				"--no-audit", "--no-fund")).as("npm ci (see %s)", output.resolve("npm-ci.log")).isZero();
		var log = output.resolve("playwright.log");
		var status = run(directory, log, env, Duration.ofMinutes(10), "npx", "playwright", "test");
		LOG.info("Playwright:\n{}", Files.readString(log));
		assertThat(status).as("npx playwright test (report in %s)", log).isZero();
	}

	private static String gatewayUrl() {
		return StackService.GATEWAY.baseUrl(stack.ports());
	}

	/** Runs {@code command} in {@code directory} with {@code env} added, its output to {@code log}; its exit code. */
	private static int run(Path directory, Path log, Map<String, String> env, Duration timeout, String... command)
			throws IOException, InterruptedException {

		var builder = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(env);
		var process = builder.start();
		if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
			process.descendants().forEach(ProcessHandle::destroy);
			process.destroy();
			throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
		}
		return process.exitValue();
	}
}
