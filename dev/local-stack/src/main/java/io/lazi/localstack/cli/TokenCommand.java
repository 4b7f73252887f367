package io.lazi.localstack.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import io.lazi.localstack.LocalStack;
import io.lazi.localstack.infra.DevTokens;
import io.lazi.localstack.infra.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./lazi token}: prints a dev JWT signed with the run directory's secret, alone on the last
 * line; 1 when no {@code ./lazi up} has made a secret there.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
		description = "Print a dev JWT (HS256, iss lazi-dev) for the gateway, signed with the secret of the run "
				+ "directory, on its last line.")
final class TokenCommand extends StackCommand {

	@Option(names = "--tenant", paramLabel = "T", split = ",", converter = TenantConverter.class,
			defaultValue = LocalStack.REFERENCE_TENANT,
			description = "Tenant ids the token may act for, comma-separated.")
	List<String> tenants;

	@Option(names = "--roles", paramLabel = "ROLE", split = ",", defaultValue = "ADMIN",
			description = "Roles, comma-separated: ${COMPLETION-CANDIDATES}.")
	List<Role> roles;

	@Option(names = "--user", paramLabel = "U", defaultValue = "dev-user",
			description = "The sub claim.")
	String user;

	@Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "8h", converter = DurationConverter.class,
			description = "How long the token is valid: 8h, 30m, 2d or PT8H.")
	Duration ttl;

	@Override
	public Integer call() throws IOException {

		var secret = context().jwtSecret();
		if (secret.isEmpty()) {
			err().println("no running stack — run ./lazi up (no JWT secret in "
					+ context().layout().runDirectory() + ")");
			return 1;
		}
		var token = DevTokens.mint(secret.get(), user, tenants, roles.stream().map(Role::name).toList(), ttl);
		out().println(token);
		return 0;
	}
}
