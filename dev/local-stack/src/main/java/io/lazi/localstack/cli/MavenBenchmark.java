package io.lazi.localstack.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Option;

/**
 * A benchmark that runs as a {@code *Benchmark} test class of a service module, by Maven in a JVM of its own
 * with its own embedded PostgreSQL and Kafka broker (the {@code bench} profile), so it needs no running stack.
 * The benchmark appends its figures to {@code docs/benchmarks.md} and writes its report to
 * {@code <module>/target/bench/<report>}, printed here.
 */
abstract class MavenBenchmark extends StackCommand {

	/** The benchmark JVM: the charts' options for a 1 GiB pod (full JIT, heap at 75 % of the limit, exit on OOM). */
	static final String JVM_OPTIONS = "-Xmx768m -XX:+ExitOnOutOfMemoryError";

	@Option(names = "--profile", description = "Record the run with JDK Flight Recorder "
			+ "(<module>/target/bench/<name>.jfr) and print its hottest methods.")
	boolean profile;

	/** The module, e.g. {@code crm-pipeline-service}. */
	abstract String module();

	/** The test class, e.g. {@code CrmThroughputBenchmark}. */
	abstract String benchmark();

	/** The report file name under {@code target/bench}. */
	abstract String report();

	@Override
	public final Integer call() throws IOException, InterruptedException {

		var repository = context().layout().repository();
		var bench = repository.resolve(module()).resolve("target/bench");
		var recording = bench.resolve(benchmark() + ".jfr");
		var jvm = JVM_OPTIONS + (profile ? " -XX:StartFlightRecording=settings=profile,filename=" + recording : "");
		var command = List.of(repository.resolve("mvnw").toString(), "-B", "-q", "-pl", module(), "-am", "-Pbench", "test",
				"-Dtest=" + benchmark(), "-Dsurefire.failIfNoSpecifiedTests=false", "-Dlazi.bench.record=true",
				"-Dsurefire.argLine=" + jvm);
		var exit = new ProcessBuilder(command).directory(repository.toFile()).inheritIO().start().waitFor();
		var report = bench.resolve(report());
		if (exit == 0 && Files.isRegularFile(report)) {
			out().print(Files.readString(report));
		}
		if (exit == 0 && profile && Files.isRegularFile(recording)) {
			out().flush();
			var jfr = Path.of(System.getProperty("java.home"), "bin", "jfr").toString();
			new ProcessBuilder(jfr, "view", "--width", "160", "hot-methods", recording.toString()).inheritIO().start().waitFor();
		}
		return exit == 0 ? 0 : 1;
	}
}
