package io.lazi.localstack.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.lazi.localstack.LocalStack;
import io.lazi.localstack.StackService;
import io.lazi.localstack.scenario.ServiceClient;
import io.lazi.platform.events.access.Role;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * A benchmark command: it measures the running stack of the run directory for one tenant
 * ({@code --tenant}, common to every benchmark); a setting out of its range is bad usage.
 */
abstract class BenchTarget extends StackCommand {

	@Option(names = "--tenant", paramLabel = "T", converter = TenantConverter.class,
			description = "The tenant (default: LAZI_ST_TENANT_ID, else " + LocalStack.REFERENCE_TENANT + ").")
	String tenant;

	/** {@code --tenant}, else the stack's tenant. */
	final String tenant() {
		return tenant != null ? tenant : context().stackTenant();
	}

	/**
	 * A one-hour user token of the tenant with {@code role} from the stack's identity provider; empty,
	 * told to err, when the run directory has no stack (no secrets).
	 * @throws io.lazi.localstack.infra.IdentityProviderClient.TokenRequestException when the identity
	 * provider refuses or does not answer
	 */
	final Optional<String> token(Role role) throws IOException {

		var identityProvider = context().identityProvider();
		if (identityProvider.isEmpty()) {
			err().println("No stack in " + context().layout().runDirectory() + ": start one with ./lazi up --detach first.");
			return Optional.empty();
		}
		return Optional.of(identityProvider.get().userToken("lazi-bench", List.of(tenant()), List.of(role.name()),
				Duration.ofHours(1)));
	}

	/**
	 * The JVM options (those starting {@code -X}) the stack's first instance of {@code service} runs with, from
	 * its command line; {@code "unknown"} when the stack or the process is not found.
	 */
	final String jvm(StackService service) throws IOException {
		return process(service).flatMap(process -> process.info().arguments())
			.map(args -> "JDK " + Runtime.version().feature() + ", "
					+ String.join(" ", Arrays.stream(args).filter(arg -> arg.startsWith("-X")).toList()))
			.orElse("unknown");
	}

	/** The stack's first instance of {@code service}, when it runs. */
	final Optional<ProcessHandle> process(StackService service) throws IOException {
		return context().recordedStack().stream()
			.flatMap(stack -> stack.processes().stream())
			.filter(p -> p.name().equals(service.module()))
			.findFirst()
			.flatMap(p -> ProcessHandle.of(p.pid()));
	}

	/** The gateway, as the holder of {@code token} acting for the tenant. */
	final ServiceClient gateway(String token) {
		return ServiceClient.gateway(StackService.GATEWAY.baseUrl(context().ports()), token, tenant());
	}

	/** {@code service} directly, as the holder of {@code token} acting for the tenant. */
	final ServiceClient direct(StackService service, String token) {
		return ServiceClient.direct(service.baseUrl(context().ports()), token, tenant());
	}

	/** {@code service} directly, with no identity. */
	final ServiceClient anonymous(StackService service) {
		return ServiceClient.anonymous(service.baseUrl(context().ports()));
	}

	/**
	 * {@code value}, when within {@code min..max}.
	 * @throws ParameterException (bad usage) naming {@code option} otherwise
	 */
	final int within(String option, int value, int min, int max) {

		if (value < min || value > max) {
			throw new ParameterException(spec().commandLine(), option + " must be between " + min + " and " + max);
		}
		return value;
	}

	/**
	 * {@code value}, when within {@code min..max}.
	 * @throws ParameterException (bad usage) naming {@code option} otherwise
	 */
	final Duration within(String option, Duration value, Duration min, Duration max) {

		if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
			throw new ParameterException(spec().commandLine(), option + " must be between " + min.toSeconds() + "s and "
					+ max.toSeconds() + "s");
		}
		return value;
	}
}
