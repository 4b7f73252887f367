package io.lazi.localstack.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ./lazi bench all}: every benchmark one after the other with its defaults (the push with 1,000 overrides,
 * the figure), each appending its figures to {@code docs/benchmarks.md}; then which passed.
 */
@Command(name = "all", mixinStandardHelpOptions = true,
		description = { "Run every benchmark (crm, crm-records, pricebook, first-tree, fanout, change, field, gateway, push of 1,000 overrides) one after the other, "
				+ "each appending its figures to docs/benchmarks.md. The stack ones need ./lazi up --detach (--jvm production for "
				+ "the figures a pod would show); crm, crm-records and pricebook run in JVMs of their own. About 17 minutes." })
final class BenchAllCommand implements Callable<Integer> {

	/** Each benchmark with its arguments, in the order they run. */
	static final List<List<String>> RUNS = List.of(List.of("crm"), List.of("crm-records"), List.of("pricebook"), List.of("first-tree"),
			List.of("fanout"), List.of("change"), List.of("field"), List.of("gateway"),
			List.of("push", "--overrides", "1000"));

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {

		var bench = spec.parent().commandLine();
		var out = bench.getOut();
		var exits = new LinkedHashMap<String, Integer>();
		for (var run : RUNS) {
			out.printf("%n=== ./lazi bench %s ===%n", String.join(" ", run));
			out.flush();
			exits.put(String.join(" ", run), bench.execute(run.toArray(String[]::new)));
		}
		out.println();
		exits.forEach((run, exit) -> out.printf("%-28s %s%n", "./lazi bench " + run, exit == 0 ? "done" : "failed (exit " + exit + ")"));
		return exits.values().stream().allMatch(exit -> exit == 0) ? 0 : 1;
	}
}
