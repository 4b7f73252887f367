package io.lazi.localstack.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.lazi.localstack.LocalStack;
import io.lazi.localstack.StackService;
import io.lazi.localstack.infra.DevTokens;
import io.lazi.localstack.infra.Role;
import io.lazi.localstack.scenario.ServiceClient;
import picocli.CommandLine.Option;

/**
 * What every benchmark measures against: the running stack of the run directory and one tenant of
 * it ({@code --tenant}, a mixin of each bench command).
 */
final class BenchTarget {

	private final CliContext context;

	@Option(names = "--tenant", paramLabel = "T", converter = TenantConverter.class,
			description = "The tenant (default: LAZI_ST_TENANT_ID, else " + LocalStack.REFERENCE_TENANT + ").")
	String tenant;

	BenchTarget(CliContext context) {
		this.context = context;
	}

	/** {@code --tenant}, else the stack's tenant. */
	String tenant() {
		return tenant != null ? tenant : context.stackTenant();
	}

	/**
	 * The gateway, as a user of the tenant with {@code role}; empty, told to {@code err}, when the run
	 * directory has no stack (no JWT secret).
	 */
	Optional<ServiceClient> gateway(Role role, PrintWriter err) throws IOException {

		var secret = context.jwtSecret();
		if (secret.isEmpty()) {
			err.println("No stack in " + context.layout().runDirectory() + ": start one with ./lazi up --detach first.");
			return Optional.empty();
		}
		var token = DevTokens.mint(secret.get(), "lazi-bench", List.of(tenant()), List.of(role.name()), Duration.ofHours(1));
		return Optional.of(ServiceClient.gateway(StackService.GATEWAY.baseUrl(context.ports()), token, tenant()));
	}

	/** {@code service} directly, with the tenant header the gateway would forward. */
	ServiceClient direct(StackService service) {
		return ServiceClient.trusted(service.baseUrl(context.ports()), tenant());
	}

	/** {@code service} directly, with no identity. */
	ServiceClient anonymous(StackService service) {
		return ServiceClient.anonymous(service.baseUrl(context.ports()));
	}
}
