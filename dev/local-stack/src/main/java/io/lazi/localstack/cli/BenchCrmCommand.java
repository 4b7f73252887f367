package io.lazi.localstack.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./lazi bench crm}: the CRM pipeline's apply throughput on a 10,000-customer synthetic tenant
 * ({@code CrmThroughputBenchmark}), run by Maven in a JVM of its own with its own embedded PostgreSQL and Kafka
 * broker, so it needs no running stack. The benchmark appends its figures to {@code docs/benchmarks.md}.
 */
@Command(name = "crm", mixinStandardHelpOptions = true,
		description = { "CRM pipeline apply throughput: 10,000 customers' raw records (about 33,000 events) sent to the real "
				+ "st.raw.* topics while the listener is paused, timed from resuming it until every event is applied; checks every opportunity's "
				+ "stage, then appends the figures to docs/benchmarks.md. Needs no running stack (embedded PostgreSQL and "
				+ "Kafka); about 2 minutes." })
final class BenchCrmCommand extends StackCommand {

	/** The benchmark JVM: the charts' options (full JIT, heap at 75 % of a 1 GiB pod's limit, exit on OOM). */
	static final String JVM_OPTIONS = "-Xmx768m -XX:+ExitOnOutOfMemoryError";

	@Option(names = "--profile", description = "Record the run with JDK Flight Recorder "
			+ "(crm-pipeline-service/target/bench/crm.jfr) and print its hottest methods.")
	boolean profile;

	@Override
	public Integer call() throws IOException, InterruptedException {

		var repository = context().layout().repository();
		var recording = repository.resolve("crm-pipeline-service/target/bench/crm.jfr");
		var jvm = JVM_OPTIONS + (profile ? " -XX:StartFlightRecording=settings=profile,filename=" + recording : "");
		var command = List.of(repository.resolve("mvnw").toString(), "-B", "-q", "-pl", "crm-pipeline-service", "-am",
				"-Pbench", "test", "-Dtest=CrmThroughputBenchmark", "-Dsurefire.failIfNoSpecifiedTests=false",
				"-Dlazi.bench.record=true", "-Dsurefire.argLine=" + jvm);
		var exit = new ProcessBuilder(command).directory(repository.toFile()).inheritIO().start().waitFor();
		var report = repository.resolve("crm-pipeline-service/target/bench/crm-throughput.txt");
		if (exit == 0 && Files.isRegularFile(report)) {
			out().print(Files.readString(report));
		}
		if (exit == 0 && profile && Files.isRegularFile(recording)) {
			out().flush();
			var jfr = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jfr").toString();
			new ProcessBuilder(jfr, "view", "--width", "160", "hot-methods", recording.toString()).inheritIO().start().waitFor();
		}
		return exit == 0 ? 0 : 1;
	}
}
