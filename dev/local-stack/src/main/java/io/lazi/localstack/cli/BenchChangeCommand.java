package io.lazi.localstack.cli;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import io.lazi.localstack.StackService;
import io.lazi.localstack.bench.BenchmarkResults;
import io.lazi.localstack.bench.ChangeBench;
import io.lazi.platform.events.access.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./lazi bench change}: runs the {@link ChangeBench} as an ADMIN of the tenant (default the stack's). */
@Command(name = "change", mixinStandardHelpOptions = true,
		description = { "ServiceTitan change to browser: renames a subcategory in the simulator N times (five of the root of "
				+ "median size in turn, away and back), starts an incremental pull through the gateway each time and times, on a WebSocket of "
				+ "the tenant, from the run's startedAt (right before its list call) to the pricebook:categories:updated "
				+ "with the new name, the poll interval excluded. Names end as they began, nothing pending. About a "
				+ "minute; appends to docs/benchmarks.md; exit 1 when p99 is above 250 ms." })
final class BenchChangeCommand extends BenchTarget {

	@Option(names = "--changes", paramLabel = "N", defaultValue = "100", description = "Renames to time, 1-1000.")
	int changes;

	@Override
	public Integer call() throws IOException, InterruptedException {

		var count = within("--changes", changes, 1, 1000);
		var token = token(Role.ADMIN);
		if (token.isEmpty()) {
			return 1;
		}
		var bench = new ChangeBench(gateway(token.get()), anonymous(StackService.ST_SIMULATOR),
				StackService.GATEWAY.baseUrl(context().ports()), token.get());
		var result = bench.run(count, out());
		new BenchmarkResults(context().layout().repository()).append("change", List.of(String.format(Locale.ROOT,
				"%,d ServiceTitan renames, incremental pull: run's startedAt to WebSocket p50 %.0f ms, p99 %.0f ms, max %.0f ms "
						+ "(target %d ms; p50 %.0f ms to pricebook's outbox row, %.0f ms from it); from the pull's request p50 %.0f ms, "
						+ "p99 %.0f ms; up to %d roots a pull; %d left pending",
				result.changes(), result.p50Millis(), result.p99Millis(), result.maxMillis(), ChangeBench.TARGET_MILLIS,
				result.toEventP50Millis(), result.fromEventP50Millis(), result.requestP50Millis(), result.requestP99Millis(),
				result.maxRootsPerPull(), result.leftPending())),
				jvm(StackService.ST_INGEST));
		out().println("Appended to docs/benchmarks.md");
		return result.met() ? 0 : 1;
	}
}
