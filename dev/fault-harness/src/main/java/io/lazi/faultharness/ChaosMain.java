package io.lazi.faultharness;

import java.nio.file.Path;
import java.util.Set;

import io.lazi.localstack.process.StackLayout;
import io.lazi.localstack.process.StackPorts;

/**
 * The long form, as {@code ./lazi chaos [--seed S] [--minutes M]} runs it: starts its own stack (two instances
 * of every service, its own Kafka and PostgreSQL, on the {@code LAZI_*_PORT} ports, run directory
 * {@code LAZI_RUN_DIR} else {@code .lazi/chaos}, whose Kafka and PostgreSQL data and logs are wiped first), runs
 * {@link ChaosRun} with {@link Sizes#full(int)}, prints the invariants and the summary line, stops the stack.
 * Exit code 0 when every invariant holds, 1 when one does not, 2 on bad usage.
 */
public final class ChaosMain {

	private ChaosMain() {
	}

	/**
	 * @param args {@code --seed S} (default 1) and {@code --minutes M} (default 20): over how many minutes the
	 * faults are spread; the workload runs to its end however long that takes
	 */
	public static void main(String[] args) throws Exception {

		long seed = 1;
		int minutes = 20;
		try {
			for (var i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--seed" -> seed = Long.parseLong(args[++i]);
					case "--minutes" -> minutes = Integer.parseInt(args[++i]);
					default -> throw new IllegalArgumentException("Unknown option " + args[i]);
				}
			}
			if (minutes < 1) {
				throw new IllegalArgumentException("--minutes must be at least 1");
			}
		}
		catch (RuntimeException ex) {
			System.err.println("lazi chaos: " + ex.getMessage() + "\nUsage: ./lazi chaos [--seed S] [--minutes M]");
			System.exit(2);
		}
		var env = System.getenv();
		var home = Path.of(System.getProperty("lazi.home", ".")).toAbsolutePath().normalize();
		var runDirectory = env.getOrDefault("LAZI_RUN_DIR", "");
		var layout = new StackLayout(home, runDirectory.isBlank() ? home.resolve(".lazi/chaos") : Path.of(runDirectory));
		// Every run from scratch: what an earlier run left on the topics and in the tables would be checked too.
		HarnessStack.wipe(java.util.List.of(layout.kafkaDirectory(), layout.postgresDataDirectory(),
				layout.runDirectory().resolve("logs")));
		var out = System.out;
		out.printf("Starting a stack of its own for the fault run (logs in %s)%n", layout.runDirectory().resolve("logs"));
		int exit;
		try (var stack = HarnessStack.start(layout, StackPorts.fromEnvironment(env), true, env, out)) {
			var report = new ChaosRun(stack.target(), Sizes.full(minutes), seed, out).run();
			out.println("invariants:");
			report.print(out, java.util.Map.of());
			exit = report.failed(Set.of()).isEmpty() ? 0 : 1;
		}
		System.exit(exit);
	}
}
