package io.lazi.localstack.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.lazi.localstack.StackService;
import io.lazi.localstack.bench.BenchmarkResults;
import io.lazi.localstack.bench.GatewayBench;
import io.lazi.platform.events.access.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./lazi bench gateway}: runs the {@link GatewayBench} as a VIEWER of the tenant and appends its figures to
 * {@code docs/benchmarks.md} with the JVM settings the stack's gateway runs with.
 */
@Command(name = "gateway", mixinStandardHelpOptions = true,
		description = { "What the gateway costs: throughput at N clients and p50 at one client of the pricebook's image "
				+ "URLs (memory hits) and of a pricebook category read, on the service directly and through the gateway, "
				+ "then the throughput of requests the gateway refuses with 401; appends the figures to "
				+ "docs/benchmarks.md. Bounded in time and count, loopback only; needs ./lazi up --detach "
				+ "(--jvm production for figures a pod would show)." })
final class BenchGatewayCommand extends BenchTarget {

	private static final Duration LONGEST_PHASE = Duration.ofMinutes(2);

	@Option(names = "--duration", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
			description = "Measured time per target and phase, 1s-120s.")
	Duration duration;

	@Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "15s", converter = DurationConverter.class,
			description = "Unmeasured time before each target, 1s-120s (long enough for the JIT's second tier).")
	Duration warmup;

	@Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
			description = "Concurrent clients of the throughput phase, 1-256.")
	int concurrency;

	@Option(names = "--urls", paramLabel = "N", defaultValue = "500",
			description = "URLs per route to cycle through, 1-5000.")
	int urls;

	@Override
	public Integer call() throws IOException, InterruptedException {

		var settings = new GatewayBench.Settings(
				within("--duration", duration, Duration.ofSeconds(1), LONGEST_PHASE),
				within("--warmup", warmup, Duration.ofSeconds(1), LONGEST_PHASE),
				within("--concurrency", concurrency, 1, 256), within("--urls", urls, 1, 5000));
		var token = token(Role.VIEWER);
		if (token.isEmpty()) {
			return 1;
		}
		var refused = anonymous(StackService.GATEWAY);
		var result = new GatewayBench(direct(StackService.IMAGE, token.get()), direct(StackService.PRICEBOOK, token.get()),
				gateway(token.get()), refused, process(StackService.GATEWAY)).run(settings, out(), err());
		if (result == null) {
			return 1;
		}
		var figures = result.routes().stream().map(route -> String.format(Locale.ROOT,
				"%s, %d clients: direct %,.0f req/s, gateway %,.0f req/s (%.0f %%), gateway CPU %.0f µs a request; p50 at 1 client direct %.2f ms, gateway %.2f ms (+%.2f ms)%s",
				route.route(), concurrency, route.direct().throughput(), route.viaGateway().throughput(),
				100 * route.share(), route.viaGateway().gatewayCpuMicros(), route.direct().p50OneClientMillis(),
				route.viaGateway().p50OneClientMillis(), route.addedP50Millis(), route.direct().errors() + route.viaGateway().errors() == 0 ? ""
						: String.format(Locale.ROOT, "; %,d answers not 200 (see the run's output)",
								route.direct().errors() + route.viaGateway().errors())))
			.collect(java.util.stream.Collectors.toList());
		figures.add(String.format(Locale.ROOT,
				"refused 401 (no token), %d clients: %,.0f req/s, gateway CPU %.0f µs a request (1/%.1f of a proxied image request)",
				concurrency, result.refused401().throughput(), result.refused401().gatewayCpuMicros(),
				result.refusedPerProxied()));
		new BenchmarkResults(context().layout().repository()).append("gateway", figures, jvm(StackService.GATEWAY));
		out().println("Appended to docs/benchmarks.md");
		return 0;
	}
}
