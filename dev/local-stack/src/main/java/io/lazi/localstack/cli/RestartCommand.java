package io.lazi.localstack.cli;

import picocli.CommandLine.Command;

/** {@code ./lazi restart SERVICE[#N]}: see {@link ProcessCommand} and {@code ProcessSupervisor#control}. */
@Command(name = "restart", mixinStandardHelpOptions = true, description = "Stop an instance and start it again, waiting until it is ready.",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:done", "1:no running ./lazi up, or it could not", "2:no such process" })
final class RestartCommand extends ProcessCommand {

	@Override
	String action() {
		return "restart";
	}
}
