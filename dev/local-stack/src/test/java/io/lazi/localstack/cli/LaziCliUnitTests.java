package io.lazi.localstack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lazi.localstack.infra.StackSecrets;
import io.lazi.localstack.process.StackLayout;
import io.lazi.platform.events.access.Role;
import picocli.CommandLine.TypeConversionException;

/** The command line alone: parsing, usage, validation and the commands that need no running stack. */
class LaziCliUnitTests {

	@TempDir
	Path repository;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private int lazi(String... args) {
		return lazi(Map.of(), args);
	}

	private int lazi(Map<String, String> env, String... args) {

		var commandLine = LaziCli.commandLine(new CliContext(new StackLayout(repository, repository.resolve("run")), env));
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		return commandLine.execute(args);
	}

	@Test
	void parsesDurationsAndOptions() {

		var durations = new DurationConverter();
		assertThat(durations.convert("8h")).isEqualTo(Duration.ofHours(8));
		assertThat(durations.convert("30m")).isEqualTo(Duration.ofMinutes(30));
		assertThat(durations.convert("PT2H")).isEqualTo(Duration.ofHours(2));
		assertThatExceptionOfType(TypeConversionException.class).isThrownBy(() -> durations.convert("soon"))
			.withMessageContaining("'soon' is not a duration");
		var context = new CliContext(StackLayout.of(repository), Map.of());
		var token = (TokenCommand) LaziCli.commandLine(context)
			.parseArgs("token", "--tenant", "1,2", "--roles=ADMIN", "--roles", "VIEWER", "--ttl", "1d")
			.subcommand()
			.commandSpec()
			.userObject();
		assertThat(token.tenants).containsExactly("1", "2");
		assertThat(token.roles).containsExactly(Role.ADMIN, Role.VIEWER);
		assertThat(token.ttl).isEqualTo(Duration.ofDays(1));
		var up = (UpCommand) LaziCli.commandLine(context).parseArgs("up", "--detach").subcommand().commandSpec().userObject();
		assertThat(up.detach).isTrue();
		assertThat(up.replicas).isEqualTo(1);
		var replicated = (UpCommand) LaziCli.commandLine(context)
			.parseArgs("up", "--replicas", "2")
			.subcommand()
			.commandSpec()
			.userObject();
		assertThat(replicated.replicas).isEqualTo(2);
	}

	@Test
	void refusesReplicasOutsideOneToFourAsBadUsageBeforeStartingAnything() {

		for (var bad : List.of("0", "5", "-1", "two")) {
			err.getBuffer().setLength(0);

			assertThat(lazi("up", "--replicas", bad)).as(bad).isEqualTo(2);
			assertThat(err.toString()).as(bad).contains("--replicas", "Usage: ./lazi up");
		}
		assertThat(err.toString()).contains("'two' is not an int");
		assertThat(repository.resolve("run")).doesNotExist();
	}

	@Test
	void refusesAnUnknownRoleAsBadUsage() {

		assertThat(lazi("token", "--tenant", "1", "--roles", "SUPERUSER")).isEqualTo(2);

		assertThat(err.toString()).contains("--roles", "SUPERUSER", "OWNER, ADMIN, MANAGER, DISPATCHER, TECHNICIAN, VIEWER")
			.contains("Usage: ./lazi token");
		assertThat(out.toString()).isEmpty();
	}

	@Test
	void refusesATenantThatIsNotATenantIdAsBadUsage() {

		assertThat(lazi("token", "--tenant", "abc", "--roles", "ADMIN")).isEqualTo(2);
		assertThat(err.toString()).contains("'abc' is not a tenant id");

		assertThat(lazi("token", "--tenant", "1,12345678901234567890")).isEqualTo(2);
		assertThat(lazi("bench", "push", "--tenant", "x1")).isEqualTo(2);
		assertThat(out.toString()).isEmpty();
	}

	@Test
	void refusesBenchSettingsOutOfRangeAsBadUsage() {

		assertThat(lazi("bench", "push", "--overrides", "0")).isEqualTo(2);
		assertThat(err.toString()).contains("--overrides must be between 1 and 1000");

		assertThat(lazi("bench", "gateway", "--duration", "5m")).isEqualTo(2);
		assertThat(err.toString()).contains("--duration must be between 1s and 120s");

		assertThat(lazi("bench", "gateway", "--concurrency", "many")).isEqualTo(2);
		assertThat(lazi("bench", "teleport")).isEqualTo(2);
	}

	@Test
	void listsTheBenchesWhenNoneIsNamed() {

		assertThat(lazi("bench")).isZero();

		assertThat(out.toString()).contains("Usage: ./lazi bench", "push", "gateway", "crm", "all");
	}

	@Test
	void listsEveryCommandInItsHelp() {

		assertThat(lazi("--help")).isZero();

		var help = out.toString();
		assertThat(help).contains("Usage: ./lazi", "-V, --version");
		for (var command : List.of("up", "down", "status", "kill", "stop", "start", "restart", "token", "bench push", "bench gateway", "bench crm", "bench all", "help")) {
			assertThat(help).containsPattern("(?m)^  " + command + "( |$)");
		}
		assertThat(help).contains("--detach", "--replicas", "--tenant", "--roles", "--user", "--ttl", "--overrides", "--rate-limited",
				"--rate-limited-after", "--retry-after", "--duration", "--warmup", "--concurrency", "--urls");
		out.getBuffer().setLength(0);
		assertThat(lazi()).isZero();
		assertThat(out.toString()).isEqualTo(help);
	}

	@Test
	void listsInTheReadmeTheCommandsAndOptionsOfItsHelp() throws Exception {

		var readme = Files.readString(Path.of("../../README.md"));
		var section = readme.substring(readme.indexOf("## The `lazi` command"));
		section = section.substring(0, section.indexOf("\n## "));
		var documented = section.lines()
			.filter(line -> line.startsWith("| `./lazi "))
			.map(line -> line.substring(3, line.indexOf('`', 3)))
			.toList();
		var root = LaziCli.commandLine(new CliContext(StackLayout.of(repository), Map.of())).getCommandSpec();
		var commands = CommandList.leaves(root)
			.stream()
			.map(command -> String.join(" ", command.qualifiedName(" "), String.join(" ", CommandList.synopsis(command)))
				.strip())
			.toList();

		assertThat(documented).containsExactlyElementsOf(commands);
	}

	@Test
	void explainsEachCommandOnItsOwn() {

		for (var command : List.of(List.of("up"), List.of("down"), List.of("status"), List.of("token"),
				List.of("bench", "push"), List.of("bench", "gateway"))) {
			out.getBuffer().setLength(0);
			var args = new java.util.ArrayList<>(command);
			args.add("--help");

			assertThat(lazi(args.toArray(String[]::new))).isZero();
			assertThat(out.toString()).contains("Usage: ./lazi " + String.join(" ", command));
		}
		assertThat(out.toString()).contains("--duration", "--warmup", "--concurrency", "--urls", "--tenant");
	}

	@Test
	void namesTheInstancesOfFieldServiceForStatusAndTheProcessCommands() {

		var recorded = List.of("kafka", "field-service", "field-service-2", "crm-pipeline-service");

		assertThat(ProcessNames.display("field-service-2")).isEqualTo("field-service#2");
		assertThat(ProcessNames.display("field-service")).isEqualTo("field-service");
		assertThat(ProcessNames.resolve("field-service", recorded)).isEqualTo("field-service");
		assertThat(ProcessNames.resolve("field-service#1", recorded)).isEqualTo("field-service");
		assertThat(ProcessNames.resolve("field-service#2", recorded)).isEqualTo("field-service-2");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> ProcessNames.resolve("field-service#3", recorded))
			.withMessageContaining("field-service#2");
	}

	@Test
	void printsTheProjectVersion() {

		assertThat(lazi("--version")).isZero();

		assertThat(out.toString().strip()).isEqualTo("lazi " + StackLayout.VERSION);
		assertThat(StackLayout.VERSION).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
	}

	@Test
	void asksTheIdentityProviderForAUserTokenWithRolesInAnyCase() throws Exception {

		assertThat(lazi("token")).isEqualTo(1);
		assertThat(err.toString()).contains("no running stack");

		var secrets = StackSecrets.readOrCreate(repository.resolve("run/secrets"));
		var asked = new ArrayList<String>();
		// A stand-in for the identity provider's token endpoint: it answers as the real one does.
		var identityProvider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		identityProvider.createContext("/oauth2/token", exchange -> {
			asked.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
					+ new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			var refused = asked.getLast().contains("ttl=7200");
			var body = (refused ? "{\"error\":\"invalid_request\",\"error_description\":\"Parameter 'ttl' must be at most 3600 seconds; got 7200\"}"
					: "{\"access_token\":\"h.c.s\",\"token_type\":\"Bearer\",\"expires_in\":3599}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(refused ? 400 : 200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		identityProvider.start();
		try {
			var env = Map.of("LAZI_IDENTITY_PROVIDER_PORT", String.valueOf(identityProvider.getAddress().getPort()));
			assertThat(lazi(env, "token", "--tenant", "7, 8", "--roles", "viewer,Technician", "--user", "ann")).isZero();
			assertThat(out.toString().strip().lines().toList().getLast()).isEqualTo("h.c.s");
			var basic = "Basic " + Base64.getEncoder()
				.encodeToString(("lazi-cli:" + secrets.clientSecret("lazi-cli")).getBytes(StandardCharsets.UTF_8));
			assertThat(asked.getFirst()).isEqualTo(basic
					+ " grant_type=client_credentials&sub=ann&tenants=7%2C8&roles=VIEWER%2CTECHNICIAN&ttl=3600");

			assertThat(lazi(env, "token", "--ttl", "2h")).isEqualTo(1);
			assertThat(err.toString()).contains("refused the token (HTTP 400 invalid_request: Parameter 'ttl' must be at most 3600 seconds; got 7200)");
		}
		finally {
			identityProvider.stop(0);
		}
		var port = identityProvider.getAddress().getPort();
		assertThat(lazi(Map.of("LAZI_IDENTITY_PROVIDER_PORT", String.valueOf(port)), "token")).isEqualTo(1);
		assertThat(err.toString()).contains("No identity provider answers at http://127.0.0.1:" + port + "/oauth2/token");
	}

	@Test
	void reportsAnEmptyRunDirectory() {

		assertThat(lazi("status")).isEqualTo(1);
		assertThat(out.toString()).contains("No stack recorded in");

		assertThat(lazi("down")).isZero();
		assertThat(out.toString()).contains("Nothing to stop");
	}
}
