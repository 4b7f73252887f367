package io.lazi.localstack.cli;

import picocli.CommandLine.Command;

/** {@code ./lazi start SERVICE[#N]}: see {@link ProcessCommand} and {@code ProcessSupervisor#control}. */
@Command(name = "start", mixinStandardHelpOptions = true, description = "Start a stopped instance again and wait until it is ready.",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:done", "1:no running ./lazi up, or it could not", "2:no such process" })
final class StartCommand extends ProcessCommand {

	@Override
	String action() {
		return "start";
	}
}
