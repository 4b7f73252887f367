package io.lazi.faultharness;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of the end-of-run checks: for each invariant, how many violations of which class (lost,
 * duplicated, reordered) with a few examples, and the summary line
 * {@code faults N, events M, lost 0, duplicated 0, reordered 0 (per key)}.
 */
final class Report {

	/** The class of a violation, as the summary line counts it. */
	enum Kind {
		LOST, DUPLICATED, REORDERED
	}

	/** The violations of one invariant. */
	record Check(String invariant, Kind kind, int violations, List<String> examples) {
	}

	private static final int EXAMPLES = 3;

	private final Map<String, Check> checks = new LinkedHashMap<>();

	private int faults;

	private long events;

	/** Records that {@code invariant} was checked; {@code examples} are its violations (empty: it holds). */
	synchronized void check(String invariant, Kind kind, List<String> violations) {

		var previous = checks.get(invariant);
		var all = new ArrayList<String>(previous == null ? List.of() : previous.examples());
		all.addAll(violations);
		var count = (previous == null ? 0 : previous.violations()) + violations.size();
		checks.put(invariant, new Check(invariant, kind, count, List.copyOf(all.subList(0, Math.min(EXAMPLES, all.size())))));
	}

	synchronized void faults(int faults) {
		this.faults = faults;
	}

	synchronized void events(long events) {
		this.events += events;
	}

	synchronized List<Check> checks() {
		return List.copyOf(checks.values());
	}

	/** The violations of {@code kind}, over the invariants not in {@code excluded}. */
	synchronized long count(Kind kind, Set<String> excluded) {
		return checks.values().stream().filter(c -> c.kind() == kind && !excluded.contains(c.invariant()))
			.mapToLong(Check::violations).sum();
	}

	/** The invariants that do not hold, but those in {@code excluded}. */
	synchronized List<Check> failed(Set<String> excluded) {
		return checks.values().stream().filter(c -> c.violations() > 0 && !excluded.contains(c.invariant())).toList();
	}

	/** {@code faults N, events M, lost L, duplicated D, reordered R (per key)} over the invariants not in {@code excluded}. */
	synchronized String summary(Set<String> excluded) {
		return "faults %d, events %d, lost %d, duplicated %d, reordered %d (per key)".formatted(faults, events,
				count(Kind.LOST, excluded), count(Kind.DUPLICATED, excluded), count(Kind.REORDERED, excluded));
	}

	/** One line per invariant (held, failed with examples, or failed but known, with why), then the summary. */
	synchronized void print(PrintStream out, Map<String, String> known) {

		for (var check : checks.values()) {
			if (check.violations() == 0) {
				out.printf("  ok      %s%n", check.invariant());
				continue;
			}
			var reason = known.get(check.invariant());
			out.printf("  %s %s: %d %s%s%n", reason == null ? "FAILED " : "KNOWN  ", check.invariant(), check.violations(),
					check.kind().name().toLowerCase(java.util.Locale.ROOT), reason == null ? "" : " (" + reason + ")");
			check.examples().forEach(example -> out.printf("            e.g. %s%n", example));
		}
		out.println(summary(known.keySet()));
		if (!known.isEmpty() && checks.values().stream().anyMatch(c -> c.violations() > 0 && known.containsKey(c.invariant()))) {
			out.println("with the known failures counted: " + summary(Set.of()));
		}
	}
}
