package io.lazi.localstack.cli;

import picocli.CommandLine.Command;

/**
 * {@code ./lazi bench crm}: the CRM pipeline's apply throughput on a 10,000-customer synthetic tenant
 * ({@code CrmThroughputBenchmark}); needs no running stack.
 */
@Command(name = "crm", mixinStandardHelpOptions = true,
		description = { "CRM pipeline apply throughput: 10,000 customers' raw records (about 33,000 events) sent to the real "
				+ "st.raw.* topics while the listener is paused, timed from resuming it until every event is applied; checks every opportunity's "
				+ "stage, then appends the figures to docs/benchmarks.md. Needs no running stack (embedded PostgreSQL and "
				+ "Kafka); about 2 minutes." })
final class BenchCrmCommand extends MavenBenchmark {

	@Override
	String module() {
		return "crm-pipeline-service";
	}

	@Override
	String benchmark() {
		return "CrmThroughputBenchmark";
	}

	@Override
	String report() {
		return "crm-throughput.txt";
	}
}
