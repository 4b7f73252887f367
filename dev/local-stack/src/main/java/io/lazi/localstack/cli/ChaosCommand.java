package io.lazi.localstack.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./lazi chaos [--seed S] [--minutes M]}: the long form of the fault harness (docs/fault-harness.md).
 * Runs {@code io.lazi.faultharness.ChaosMain} from the dev/fault-harness jar in a JVM of its own, with this CLI's
 * classpath, and answers its exit code: 0 when every invariant holds, 1 when one does not.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
		description = { "Run the fault harness's long form: start a stack of its own (two instances of every service, "
				+ "its own Kafka and PostgreSQL), sync a 20,000-category pricebook through ten rounds of ServiceTitan edits, "
				+ "push 1,000 overrides, keep 200 WebSocket clients and a CRM sync going while a seeded schedule kills, "
				+ "freezes and restarts processes and makes ServiceTitan fail; then check the invariants and print "
				+ "'faults N, events M, lost 0, duplicated 0, reordered 0 (per key)'.",
				"Exit code 1 when an invariant does not hold. Uses the LAZI_*_PORT ports: stop ./lazi up first." })
final class ChaosCommand extends StackCommand {

	static final String MAIN = "io.lazi.faultharness.ChaosMain";

	@Option(names = "--seed", paramLabel = "S", defaultValue = "1",
			description = "Seed of the synthetic tenant, the edits and the fault schedule: a run can be replayed.")
	long seed;

	@Option(names = "--minutes", paramLabel = "M", defaultValue = "20",
			description = "Minutes over which the faults are spread, about two a minute (at least 9 faults).")
	int minutes;

	@Override
	public Integer call() throws IOException, InterruptedException {

		var layout = context().layout();
		var harness = layout.moduleJar("dev/fault-harness");
		if (!Files.isRegularFile(harness)) {
			err().println("No " + harness + ": build it with ./mvnw -DskipTests install -pl dev/fault-harness -am");
			return 1;
		}
		if (minutes < 1) {
			err().println("--minutes must be at least 1");
			return 2;
		}
		var cli = Path.of(ChaosCommand.class.getProtectionDomain().getCodeSource().getLocation().getPath());
		var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Dlazi.home=" + layout.repository(), "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn", "-Xmx2g", "-cp",
				harness + java.io.File.pathSeparator + cli + java.io.File.pathSeparator + layout.infrastructureLib() + "/*",
				MAIN, "--seed", String.valueOf(seed), "--minutes", String.valueOf(minutes)));
		var process = new ProcessBuilder(command).inheritIO().start();
		return process.waitFor();
	}
}
