package io.lazi.localstack.cli;

import picocli.CommandLine.Command;

/**
 * {@code ./lazi bench crm-records}: list and search latencies of the CRM records on 100,000 synthetic records of
 * each kind ({@code CrmRecordsBenchmark}); needs no running stack.
 */
@Command(name = "crm-records", mixinStandardHelpOptions = true,
		description = { "CRM records list and search latencies: 100,000 accounts, contacts, leads, tasks and opportunities "
				+ "of one synthetic tenant inserted set-based, then each list, filter and search query timed 200 times "
				+ "through the service in process (p50, p95, p99); appends the figures to docs/benchmarks.md. Needs no "
				+ "running stack (embedded PostgreSQL and Kafka); about 2 minutes." })
final class BenchCrmRecordsCommand extends MavenBenchmark {

	@Override
	String module() {
		return "crm-pipeline-service";
	}

	@Override
	String benchmark() {
		return "CrmRecordsBenchmark";
	}

	@Override
	String report() {
		return "crm-records.txt";
	}
}
