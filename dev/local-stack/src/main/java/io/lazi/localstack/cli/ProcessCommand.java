package io.lazi.localstack.cli;

import java.io.IOException;
import java.time.Duration;

import io.lazi.localstack.process.ControlChannel;
import io.lazi.localstack.process.StackState;
import picocli.CommandLine.Parameters;

/**
 * A command acting on one process of the running {@code ./lazi up}: checks the name against the state
 * file (a bad one is bad usage, exit 2), then asks the {@code up} process through its
 * {@link ControlChannel} and prints its answer (exit 0), or why it could not (exit 1).
 */
abstract class ProcessCommand extends StackCommand {

	/** How long a command waits for the answer: a start waits for readiness, a stop for the grace period. */
	private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(5);

	@Parameters(index = "0", paramLabel = "SERVICE[#N]",
			description = "A name as ./lazi status shows it: pricebook-service, pricebook-service#2, kafka, postgres, …")
	String name;

	/** The action sent to the {@code up} process: kill, stop, start or restart. */
	abstract String action();

	@Override
	public final Integer call() throws IOException {

		var state = context().recordedStack();
		if (state.isEmpty() || state.get().processes().isEmpty()) {
			err().println("lazi: no stack recorded in " + context().layout().runDirectory() + " — run ./lazi up");
			return 1;
		}
		var process = ProcessNames.resolve(name,
				state.get().processes().stream().map(StackState.ProcessRecord::name).toList());
		if (state.get().supervisor().isEmpty()) {
			err().println("lazi: no ./lazi up is running for " + context().layout().runDirectory()
					+ " to " + action() + " " + name + " (./lazi up starts one)");
			return 1;
		}
		var reply = new ControlChannel(context().layout().controlDirectory()).send(action(), process, ANSWER_TIMEOUT);
		// The up process knows process names; say it with the name status shows.
		var message = reply.message()
			.replaceAll(java.util.regex.Pattern.quote(process) + "(?![\\w-])", ProcessNames.display(process));
		(reply.ok() ? out() : err()).println(reply.ok() ? message : "lazi: " + message);
		return reply.ok() ? 0 : 1;
	}
}
