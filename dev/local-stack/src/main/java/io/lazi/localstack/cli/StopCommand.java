package io.lazi.localstack.cli;

import picocli.CommandLine.Command;

/** {@code ./lazi stop SERVICE[#N]}: see {@link ProcessCommand} and {@code ProcessSupervisor#control}. */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop an instance (SIGTERM, SIGKILL after 20 s); it stays down until ./lazi start.",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:done", "1:no running ./lazi up, or it could not", "2:no such process" })
final class StopCommand extends ProcessCommand {

	@Override
	String action() {
		return "stop";
	}
}
