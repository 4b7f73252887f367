package io.lazi.localstack.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.lazi.localstack.LocalStack;
import io.lazi.localstack.infra.IdentityProviderClient;
import io.lazi.localstack.infra.StackSecrets;
import io.lazi.localstack.process.StackLayout;
import io.lazi.localstack.process.StackPorts;
import io.lazi.localstack.process.StackState;

/**
 * What every command works against: where the repository and the run directory are, and the
 * environment its {@code LAZI_*} settings come from.
 *
 * @param layout the repository and the run directory
 * @param env the environment ({@code LAZI_*_PORT}, {@code LAZI_ST_TENANT_ID}, timeouts, …)
 */
public record CliContext(StackLayout layout, Map<String, String> env) {

	public CliContext {
		env = Map.copyOf(env);
	}

	/**
	 * The repository from the {@code lazi.home} system property (set by the {@code lazi} script;
	 * default the working directory), the run directory from {@code LAZI_RUN_DIR} (default
	 * {@code <repository>/.lazi/run}), and this process's environment.
	 */
	public static CliContext fromSystem() {

		var home = Path.of(System.getProperty("lazi.home", ".")).toAbsolutePath().normalize();
		var runDirectory = System.getenv("LAZI_RUN_DIR");
		var layout = runDirectory == null || runDirectory.isBlank() ? StackLayout.of(home)
				: new StackLayout(home, Path.of(runDirectory));
		return new CliContext(layout, System.getenv());
	}

	/**
	 * The ports, from the {@code LAZI_*_PORT} variables.
	 * @throws IllegalArgumentException naming a variable that is not a port number
	 */
	StackPorts ports() {
		return StackPorts.fromEnvironment(env);
	}

	/** The tenant the stack syncs and the benches measure: {@code LAZI_ST_TENANT_ID}, else the reference tenant. */
	String stackTenant() {
		return env.getOrDefault("LAZI_ST_TENANT_ID", LocalStack.REFERENCE_TENANT);
	}

	/** What the last {@code ./lazi up} of the run directory started; empty when there is no state file. */
	Optional<StackState> recordedStack() throws IOException {
		return StackState.read(layout.stateFile());
	}

	/** The secrets of the run directory; empty when no {@code ./lazi up} has made them. */
	Optional<StackSecrets> secrets() throws IOException {
		return StackSecrets.read(layout.secretsDirectory());
	}

	/**
	 * The dev client of the run directory's identity provider ({@code LAZI_IDENTITY_PROVIDER_PORT});
	 * empty when no {@code ./lazi up} has made its secret.
	 */
	Optional<IdentityProviderClient> identityProvider() throws IOException {
		return secrets().map(secrets -> new IdentityProviderClient(
				IdentityProviderClient.localIssuer(ports().identityProvider()),
				secrets.clientSecret(StackSecrets.CLI_CLIENT)));
	}

	/**
	 * The variable {@code name} as a number of seconds, else {@code fallbackSeconds}.
	 * @throws NumberFormatException when it is not a whole number
	 */
	Duration seconds(String name, long fallbackSeconds) {
		return Duration.ofSeconds(Long.parseLong(env.getOrDefault(name, String.valueOf(fallbackSeconds))));
	}
}
