package io.lazi.localstack.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./lazi bench <name>}: the benchmarks; alone, it lists them. */
@Command(name = "bench", mixinStandardHelpOptions = true,
		description = "Benchmarks against a running stack (./lazi up --detach first, same LAZI_* variables).",
		subcommands = { BenchAllCommand.class, BenchChangeCommand.class, BenchCrmCommand.class, BenchCrmRecordsCommand.class,
				BenchFanoutCommand.class,
				BenchFieldCommand.class, BenchFirstTreeCommand.class, BenchGatewayCommand.class, BenchPricebookCommand.class,
				BenchPushCommand.class })
final class BenchCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	/** Without a benchmark: the usage, which lists them. */
	@Override
	public Integer call() {
		return LaziCli.usage(spec);
	}
}
