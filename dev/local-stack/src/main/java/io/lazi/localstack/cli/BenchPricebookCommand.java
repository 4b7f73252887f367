package io.lazi.localstack.cli;

import picocli.CommandLine.Command;

/**
 * {@code ./lazi bench pricebook}: pricebook-service's raw → tree rate on a synthetic 100,000-category pricebook
 * ({@code PricebookIngestBenchmark}); needs no running stack.
 */
@Command(name = "pricebook", mixinStandardHelpOptions = true,
		description = { "Pricebook raw -> tree rate: a synthetic pricebook of 100,000 categories (1,000 roots, up to 8 levels) "
				+ "sent to st.raw.categories while the listener is paused, timed from resuming it until the last root is "
				+ "applied; then 1 % of the nodes renamed and their roots sent again as an incremental run. Checks every "
				+ "path and name, then appends the figures to docs/benchmarks.md. Needs no running stack (embedded "
				+ "PostgreSQL and Kafka); about 3 minutes." })
final class BenchPricebookCommand extends MavenBenchmark {

	@Override
	String module() {
		return "pricebook-service";
	}

	@Override
	String benchmark() {
		return "PricebookIngestBenchmark";
	}

	@Override
	String report() {
		return "pricebook-ingest.txt";
	}
}
