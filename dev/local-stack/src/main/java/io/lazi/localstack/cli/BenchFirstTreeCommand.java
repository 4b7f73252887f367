package io.lazi.localstack.cli;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import io.lazi.localstack.LocalStack;
import io.lazi.localstack.StackService;
import io.lazi.localstack.bench.BenchmarkResults;
import io.lazi.localstack.bench.FirstTreeBench;
import io.lazi.platform.events.access.Role;
import picocli.CommandLine.Command;

/**
 * {@code ./lazi bench first-tree}: runs the {@link FirstTreeBench} as an ADMIN of the tenant, by default
 * {@value #TENANT} (the simulator's second tenant, which the stack does not sync), never the stack's own.
 */
@Command(name = "first-tree", mixinStandardHelpOptions = true,
		description = { "Time to first tree: gives a tenant (default " + BenchFirstTreeCommand.TENANT + ") a copy of the "
				+ "reference pricebook under new ids in the simulator, runs a full sync through the gateway and times, on a "
				+ "WebSocket of that tenant, the whole tree (then read back through the gateway) and every image update. "
				+ "Replaces that tenant's pricebook in the simulator. About a minute; appends to docs/benchmarks.md." })
final class BenchFirstTreeCommand extends BenchTarget {

	/** The tenant measured unless {@code --tenant} names another. */
	static final String TENANT = "1000000002";

	@Override
	public Integer call() throws IOException, InterruptedException {

		if (tenant == null) {
			tenant = TENANT;
		}
		if (tenant().equals(context().stackTenant())) {
			err().println("The benchmark replaces the tenant's pricebook in the simulator: pick another tenant than the stack's ("
					+ tenant() + ").");
			return 2;
		}
		var token = token(Role.ADMIN);
		if (token.isEmpty()) {
			return 1;
		}
		var bench = new FirstTreeBench(gateway(token.get()), anonymous(StackService.ST_SIMULATOR),
				StackService.GATEWAY.baseUrl(context().ports()), token.get(), LocalStack.REFERENCE_TENANT);
		var result = bench.run(out());
		new BenchmarkResults(context().layout().repository()).append("first-tree", List.of(String.format(Locale.ROOT,
				"%,d subcategories: tree %,d ms (target 2,000), %,d images %,d ms (bound 1.1 x %,d / 60 s = %,d ms); "
						+ "run: tree out %,d ms, done %,d ms",
				result.subcategories(), result.treeMillis(), result.imageUpdates(), result.imagesMillis(),
				result.imagesFetched(), result.imageBudgetMillis(), result.recordsPublishedMs(), result.durationMs())),
				jvm(StackService.ST_INGEST));
		out().println("Appended to docs/benchmarks.md");
		return result.met() ? 0 : 1;
	}
}
