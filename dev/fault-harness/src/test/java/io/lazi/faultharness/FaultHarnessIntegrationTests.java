package io.lazi.faultharness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.lazi.localstack.process.StackLayout;
import io.lazi.localstack.process.StackPorts;

/**
 * The short form of the fault harness (docs/fault-harness.md): a 300-category pricebook synced and edited over
 * three incremental syncs, a push of creates, moves, deletes and renames, four WebSocket clients that drop and
 * resume, a 300-customer synthetic CRM synced and edited over three incremental syncs, and poison records, under
 * one fault of each class (instance SIGKILL, SIGSTOP beyond the session timeout, broker and PostgreSQL restarts,
 * ServiceTitan's 429 storm, 5xx, latency, token endpoint down and lost answers); then every invariant of issue 15
 * must hold.
 */
class FaultHarnessIntegrationTests {

	/**
	 * Invariants today's platform does not keep yet, each with why; they are still checked and printed, and
	 * enforced by the long form ({@code ./lazi chaos}), but do not fail this build until the fix lands.
	 */
	static final Map<String, String> KNOWN = Map.of(); // none today: docs/fault-harness.md, "What it found"

	@Test
	void nothingIsLostDuplicatedOrReorderedUnderFaults() throws Exception {

		var repository = Path.of("").toAbsolutePath().getParent().getParent(); // dev/fault-harness → repository root
		var layout = new StackLayout(repository, Files.createTempDirectory("lazi-fault-harness"));
		var seed = Long.getLong("lazi.chaos.seed", 1L);
		try (var stack = HarnessStack.start(layout, StackPorts.free(), false, System.getenv(), System.out)) {
			var report = new ChaosRun(stack.target(), Sizes.SHORT, seed, System.out).run();
			report.print(System.out, KNOWN);
			var failed = report.failed(KNOWN.keySet());
			assertThat(failed).as(() -> "seed " + seed + ", logs in " + layout.runDirectory().resolve("logs") + ":\n"
					+ failed.stream().map(c -> c.invariant() + ": " + c.violations() + " " + c.kind() + ", e.g. " + c.examples())
						.collect(Collectors.joining("\n")))
				.isEmpty();
			assertThat(report.summary(KNOWN.keySet())).endsWith("lost 0, duplicated 0, reordered 0 (per key)");
		}
		finally {
			// The logs stay for a look; Kafka's and PostgreSQL's data (some 50 MB) go.
			HarnessStack.wipe(java.util.List.of(layout.kafkaDirectory(), layout.postgresDataDirectory()));
		}
	}
}
