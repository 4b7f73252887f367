package io.lazi.localstack.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

import io.lazi.localstack.process.Elapsed;
import io.lazi.localstack.process.ProcessSupervisor;
import io.lazi.localstack.process.StackLayout;
import picocli.CommandLine.Command;

/**
 * {@code ./lazi down}: stops what a {@code ./lazi up} of this run directory started, and only that,
 * using the pids (checked against their start times) in the state file. A foreground
 * {@code ./lazi up} is asked to stop first, so that it stops its children in order and exits.
 */
@Command(name = "down", mixinStandardHelpOptions = true,
		description = "Stop what ./lazi up started (by the pids recorded in the run directory's state.json, "
				+ "checked against their start times) and nothing else.")
final class DownCommand extends StackCommand {

	@Override
	public Integer call() throws IOException {

		var layout = context().layout();
		var out = out();
		var state = context().recordedStack();
		if (state.isEmpty()) {
			out.println("Nothing to stop: no stack recorded in " + layout.runDirectory());
			return 0;
		}
		var stopped = 0;
		var supervisor = state.get().supervisor();
		if (supervisor.isPresent() && supervisor.get().pid() != ProcessHandle.current().pid()) {
			out.printf("Stopping ./lazi up (pid %d), which stops what it started%n", supervisor.get().pid());
			supervisor.get().destroy();
			try {
				supervisor.get()
					.onExit()
					.get(ProcessSupervisor.DEFAULT_GRACE.multipliedBy(state.get().processes().size() + 1).toSeconds(),
							TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				out.println("./lazi up did not exit in time; stopping its processes directly");
			}
		}
		for (var process : state.get().processes().reversed()) {
			var live = process.live();
			if (live.isPresent()) {
				out.printf("Stopping %s (pid %d)", process.name(), process.pid()).flush();
				var began = System.nanoTime();
				ProcessSupervisor.stop(live.get(), process.name(), ProcessSupervisor.DEFAULT_GRACE);
				out.printf(" — %s%n", Elapsed.since(began));
				stopped++;
			}
		}
		if (stopOrphanedPostmaster(layout, out)) {
			stopped++;
		}
		out.println(stopped == 0 && supervisor.isEmpty() ? "Nothing was running." : "Stopped.");
		return 0;
	}

	/**
	 * The PostgreSQL server of the run directory's data directory, should it have outlived its
	 * launcher (killed with SIGKILL): the pid in {@code postmaster.pid}, if that process runs
	 * {@code postgres} on this very data directory.
	 */
	private static boolean stopOrphanedPostmaster(StackLayout layout, PrintWriter out) throws IOException {

		var pidFile = layout.postgresDataDirectory().resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return false;
		}
		var lines = Files.readAllLines(pidFile);
		if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
			return false;
		}
		var postmaster = ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
			.filter(ProcessHandle::isAlive)
			.filter(handle -> handle.info().commandLine().orElse("").contains("postgres")
					&& handle.info().commandLine().orElse("").contains(layout.postgresDataDirectory().toString()));
		if (postmaster.isEmpty()) {
			return false;
		}
		out.printf("Stopping the PostgreSQL server left behind (pid %d)%n", postmaster.get().pid());
		return ProcessSupervisor.stop(postmaster.get(), "postgres server", ProcessSupervisor.DEFAULT_GRACE);
	}
}
