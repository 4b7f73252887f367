package io.lazi.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./lazi down}: stops what a {@code ./lazi up} of this run directory started, and only that,
 * using the pids (checked against their start times) in the state file. A foreground
 * {@code ./lazi up} is asked to stop first, so that it stops its children in order and exits.
 */
final class DownCommand {

	private DownCommand() {
	}

	static int run(CliArgs args, StackLayout layout, PrintStream out) throws IOException {

		args.allowOnly();
		var state = StackState.read(layout.stateFile());
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
				out.printf(" — %s%n", Summary.seconds(java.time.Duration.ofNanos(System.nanoTime() - began)));
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
	static boolean stopOrphanedPostmaster(StackLayout layout, PrintStream out) throws IOException {

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
