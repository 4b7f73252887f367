package io.lazi.localstack.cli;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import io.lazi.localstack.StackService;
import io.lazi.localstack.bench.BenchmarkResults;
import io.lazi.localstack.bench.PushBench;
import io.lazi.platform.events.access.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./lazi bench push}: runs the {@link PushBench} as an ADMIN of the tenant. */
@Command(name = "push", mixinStandardHelpOptions = true,
		description = { "Save N name overrides through the gateway, push them, and print the time, outcomes and the "
				+ "ServiceTitan calls the simulator counted (optionally with 429s mid-push); then check that an "
				+ "incremental sync leaves nothing pending or in conflict. Above 100 overrides, an unrecorded push of 100 "
				+ "warms the stack up first; the figures are appended to docs/benchmarks.md." })
final class BenchPushCommand extends BenchTarget {

	/** The push before a larger measured one, unrecorded. */
	static final int WARMUP_OVERRIDES = 100;

	@Option(names = "--overrides", paramLabel = "N", defaultValue = "100",
			description = "Subcategories to override, 1-1000.")
	int overrides;

	@Option(names = "--rate-limited", paramLabel = "N", defaultValue = "0",
			description = "ServiceTitan calls the simulator answers with 429, 0-10000.")
	int rateLimited;

	@Option(names = "--rate-limited-after", paramLabel = "K", defaultValue = "30",
			description = "Calls of the push before the 429s begin, 0-10000.")
	int rateLimitedAfter;

	@Option(names = "--retry-after", paramLabel = "S", defaultValue = "1",
			description = "Retry-After of those 429s in seconds, 1-60.")
	int retryAfter;

	@Override
	public Integer call() throws IOException {

		var settings = new PushBench.Settings(within("--overrides", overrides, 1, 1000),
				within("--rate-limited", rateLimited, 0, 10_000),
				within("--rate-limited-after", rateLimitedAfter, 0, 10_000),
				within("--retry-after", retryAfter, 1, 60));
		var token = token(Role.ADMIN);
		if (token.isEmpty()) {
			return 1;
		}
		var bench = new PushBench(gateway(token.get()), anonymous(StackService.ST_SIMULATOR));
		if (settings.overrides() > WARMUP_OVERRIDES) {
			// The JIT of a freshly started stack made the first seconds of a large push half as fast.
			out().printf("Warm-up: a push of %d overrides, not recorded%n", WARMUP_OVERRIDES);
			bench.run(new PushBench.Settings(WARMUP_OVERRIDES, 0, 0, 1), out());
			out().printf("%nMeasured:%n");
		}
		var result = bench.run(settings, out());
		new BenchmarkResults(context().layout().repository()).append("push", List.of(String.format(Locale.ROOT,
				"%,d overrides: %,d commands in %.1f s, %d failed, %d pending after a sync (budget 1.1 x %d / 58 s = %.1f s)%s",
				result.overrides(), result.commands(), result.millis() / 1000.0, result.failed(), result.pending(),
				result.commands(), result.budgetMillis() / 1000.0, settings.rateLimited() > 0
						? String.format(Locale.ROOT, "; %d answers 429", settings.rateLimited()) : "")),
				jvm(StackService.PRICEBOOK));
		out().println("Appended to docs/benchmarks.md");
		return result.ok() ? 0 : 1;
	}
}
