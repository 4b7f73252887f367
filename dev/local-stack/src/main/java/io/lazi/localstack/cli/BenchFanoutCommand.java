package io.lazi.localstack.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.lazi.localstack.StackService;
import io.lazi.localstack.bench.BenchmarkResults;
import io.lazi.localstack.bench.FanoutBench;
import io.lazi.platform.events.access.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code ./lazi bench fanout}: runs the {@link FanoutBench} on tenants no sync touches: {@code --tenant} (default
 * {@value #TENANT}) for the one-tenant scenario, {@value #FIRST_TENANT} and the ids after it for the many-tenants
 * one; never the stack's own tenant, whose pushes would send its pending edits.
 */
@Command(name = "fanout", mixinStandardHelpOptions = true,
		description = { "WebSocket fan-out through the gateway: opens N sockets of one tenant (default "
				+ BenchFanoutCommand.TENANT + ", 10,000; parallel batches, failed handshakes counted), measures the memory "
				+ "each idle connection costs the gateway, notification-service and the client (live heap after a full GC "
				+ "by jcmd, and RSS), then times 20 broadcasts (an empty pricebook push, pricebook:categories:pushed) from "
				+ "the outbox row to each client's receipt; then T tenants x C clients (default 1,000 x 10) with a broadcast "
				+ "per tenant per round, checking no client gets another tenant's event. Caps the sockets where the "
				+ "processes' open-file limits would run out. A few minutes; appends to docs/benchmarks.md; exit 1 when a "
				+ "target (p99 <= 500 ms at 10,000 clients; <= 250 ms at 1,000 x 10, none across tenants) is missed." })
final class BenchFanoutCommand extends BenchTarget {

	/** The tenant of the one-tenant scenario unless {@code --tenant} names another: one no sync knows. */
	static final String TENANT = "1000010000";

	/** The first tenant of the many-tenants scenario; the others follow it. */
	static final long FIRST_TENANT = 1_000_020_000L;

	/** The most tenants of the many-tenants scenario, so that their ids stay clear of other benchmarks'. */
	static final int MAX_TENANTS = 5_000;

	@Option(names = "--clients", paramLabel = "N", defaultValue = "10000",
			description = "Sockets of the one tenant, 0-20000 (0 skips that scenario).")
	int clients;

	@Option(names = "--events", paramLabel = "N", defaultValue = "20",
			description = "Broadcasts to the one tenant, one second apart, 1-100.")
	int events;

	@Option(names = "--tenants", paramLabel = "T", defaultValue = "1000",
			description = "Tenants of the many-tenants scenario, 0-" + MAX_TENANTS + " (0 skips it).")
	int tenants;

	@Option(names = "--clients-per-tenant", paramLabel = "C", defaultValue = "10",
			description = "Sockets per tenant there, 1-10 (one user each, the session cap per user).")
	int clientsPerTenant;

	@Option(names = "--rounds", paramLabel = "R", defaultValue = "3",
			description = "Broadcasts per tenant there, each round one per tenant, 1-20.")
	int rounds;

	@Override
	public Integer call() throws IOException, InterruptedException {

		if (tenant == null) {
			tenant = TENANT;
		}
		var settings = new FanoutBench.Settings(tenant(), within("--clients", clients, 0, 20_000),
				within("--events", events, 1, 100), FIRST_TENANT, within("--tenants", tenants, 0, MAX_TENANTS),
				within("--clients-per-tenant", clientsPerTenant, 1, 10), within("--rounds", rounds, 1, 20));
		if (settings.clients() == 0 && settings.tenants() == 0) {
			throw new ParameterException(spec().commandLine(), "--clients and --tenants are both 0: nothing to measure");
		}
		if (tenant().equals(context().stackTenant())) {
			err().println("The benchmark pushes for its tenant, which would send the stack's pending edits: pick another "
					+ "tenant than the stack's (" + tenant() + ").");
			return 2;
		}
		var identityProvider = context().identityProvider();
		if (identityProvider.isEmpty()) {
			err().println("No stack in " + context().layout().runDirectory() + ": start one with ./lazi up --detach first.");
			return 1;
		}
		var scenarios = new FanoutBench(StackService.GATEWAY.baseUrl(context().ports()),
				(user, tenantId) -> identityProvider.get().userToken(user, List.of(tenantId), List.of(Role.ADMIN.name()),
						Duration.ofHours(1)),
				process(StackService.GATEWAY), process(StackService.NOTIFICATION)).run(settings, out());
		new BenchmarkResults(context().layout().repository()).append("fanout",
				scenarios.stream().map(BenchFanoutCommand::figure).toList(), jvm(StackService.GATEWAY));
		out().println("Appended to docs/benchmarks.md");
		return scenarios.stream().allMatch(FanoutBench.Scenario::met) ? 0 : 1;
	}

	/** One scenario as a row of the results table. */
	private static String figure(FanoutBench.Scenario scenario) {

		var notOpened = new ArrayList<String>();
		if (scenario.attempted() < scenario.wanted()) {
			notOpened.add(String.format(Locale.ROOT, "%,d tried, the open-file limits' room", scenario.attempted()));
		}
		scenario.failures().forEach((reason, count) -> notOpened.add(String.format(Locale.ROOT, "%,d %s", count, reason)));
		var memory = scenario.memory().stream()
			.map(m -> String.format(Locale.ROOT, "%s heap %s / RSS %s", m.process(), kilobytes(m.heapBytes()),
					kilobytes(m.rssBytes())))
			.collect(Collectors.joining(", "));
		return String.format(Locale.ROOT, "%s: %,d of %,d sockets opened in %.1f s%s; %,d broadcasts, %,d of %,d delivered, "
				+ "outbox row to receipt p50 %.0f ms, p99 %.0f ms, max %.0f ms (target %,d ms); %,d cross-tenant; per idle "
				+ "connection %s", scenario.name(), scenario.opened(), scenario.wanted(), scenario.openMillis() / 1000.0,
				notOpened.isEmpty() ? "" : " (" + String.join("; ", notOpened) + ")", scenario.events(), scenario.delivered(),
				scenario.expected(), scenario.p50Millis(), scenario.p99Millis(), scenario.maxMillis(), scenario.targetMillis(),
				scenario.crossTenant(), memory);
	}

	private static String kilobytes(long bytes) {
		return bytes < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
	}
}
