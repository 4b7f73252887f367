package io.lazi.localstack.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A {@code ./lazi} command that works against the {@link CliContext} of its command line (handed
 * in by {@link LaziCli#commandLine}) and writes to that command line's out and err.
 */
abstract class StackCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	private CliContext context;

	/** Called once, right after the command is made. */
	final void bind(CliContext boundContext) {
		this.context = boundContext;
	}

	final CliContext context() {
		return context;
	}

	final CommandSpec spec() {
		return spec;
	}

	/** Where the command's output goes (autoflushing). */
	final PrintWriter out() {
		return spec.commandLine().getOut();
	}

	/** Where the command's errors go (autoflushing). */
	final PrintWriter err() {
		return spec.commandLine().getErr();
	}
}
