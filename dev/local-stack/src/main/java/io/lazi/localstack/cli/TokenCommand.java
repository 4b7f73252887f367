package io.lazi.localstack.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import io.lazi.localstack.LocalStack;
import io.lazi.localstack.infra.IdentityProviderClient.TokenRequestException;
import io.lazi.platform.events.access.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./lazi token}: asks the run directory's identity provider for a user token (as its dev client
 * {@code lazi-cli}) and prints it alone on the last line; 1 when no {@code ./lazi up} has made the
 * client's secret there, or when the identity provider refuses or does not answer (the message says why).
 */
@Command(name = "token", mixinStandardHelpOptions = true,
		description = "Ask the identity provider of the running stack for a user token (RS256, aud lazi-api) "
				+ "and print it on its last line.")
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

	@Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "1h", converter = DurationConverter.class,
			description = "How long the token is valid: 1h, 30m, 90s or PT1H; at most the identity provider's "
					+ "maximum (1h unless configured).")
	Duration ttl;

	@Override
	public Integer call() throws IOException {

		var identityProvider = context().identityProvider();
		if (identityProvider.isEmpty()) {
			err().println("no running stack — run ./lazi up (no identity provider secrets in "
					+ context().layout().secretsDirectory() + ")");
			return 1;
		}
		try {
			out().println(identityProvider.get().userToken(user, tenants, roles.stream().map(Role::name).toList(), ttl));
			return 0;
		}
		catch (TokenRequestException ex) {
			err().println(ex.getMessage());
			return 1;
		}
	}
}
