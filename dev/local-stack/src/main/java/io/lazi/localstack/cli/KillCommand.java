package io.lazi.localstack.cli;

import picocli.CommandLine.Command;

/** {@code ./lazi kill SERVICE[#N]}: see {@link ProcessCommand} and {@code ProcessSupervisor#control}. */
@Command(name = "kill", mixinStandardHelpOptions = true, description = "Kill an instance with SIGKILL, as a crash would: ./lazi up restarts it after its back-off (1 s, 2 s, 4 s … 30 s).",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:done", "1:no running ./lazi up, or it could not", "2:no such process" })
final class KillCommand extends ProcessCommand {

	@Override
	String action() {
		return "kill";
	}
}
