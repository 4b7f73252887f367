package io.lazi.localstack.cli;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.lazi.localstack.StackService;
import io.lazi.localstack.bench.BenchmarkResults;
import io.lazi.localstack.bench.FieldBench;
import io.lazi.platform.events.access.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./lazi bench field}: runs the {@link FieldBench} as an ADMIN of the tenant (default the stack's). */
@Command(name = "field", mixinStandardHelpOptions = true,
		description = { "field-service feeds and ServiceTitan commands: full crm and dispatch pulls (records, time, "
				+ "ServiceTitan calls), what field-service then serves, and N technician assignments and unassignments "
				+ "through the gateway, each timed from the request to field:command-completed on a WebSocket. "
				+ "Appointments end as they began. About a minute; appends to docs/benchmarks.md; exit 1 when a command "
				+ "failed." })
final class BenchFieldCommand extends BenchTarget {

	@Option(names = "--commands", paramLabel = "N", defaultValue = "50", description = "Assignments to time, 1-500.")
	int commands;

	@Override
	public Integer call() throws IOException, InterruptedException {

		var count = within("--commands", commands, 1, 500);
		var token = token(Role.ADMIN);
		if (token.isEmpty()) {
			return 1;
		}
		var bench = new FieldBench(gateway(token.get()), StackService.GATEWAY.baseUrl(context().ports()), token.get());
		var result = bench.run(count, out());
		var pulls = result.pulls().stream()
			.map(p -> String.format(Locale.ROOT, "%s %,d records in %.1f s (%,d ServiceTitan calls)", p.resource(),
					p.records(), p.durationMs() / 1000.0, p.stCalls()))
			.collect(Collectors.joining("; "));
		var figures = List.of("full pulls: " + pulls + "; field-service serves " + result.served(),
				String.format(Locale.ROOT, "%,d technician assignments, request to field:command-completed p50 %.0f ms, "
						+ "p99 %.0f ms, max %.0f ms; unassignments p50 %.0f ms, p99 %.0f ms; %d failed", result.commands(),
						result.assignP50Millis(), result.assignP99Millis(), result.assignMaxMillis(),
						result.unassignP50Millis(), result.unassignP99Millis(), result.failed()));
		figures.forEach(out()::println);
		new BenchmarkResults(context().layout().repository()).append("field", figures, jvm(StackService.FIELD));
		out().println("Appended to docs/benchmarks.md");
		return result.failed() == 0 ? 0 : 1;
	}
}
