package io.lazi.faultharness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The seeded fault schedule of a run: which fault, on what, when (from the start of the workload) and for how
 * long. The same seed, sizes and instances give the same schedule, so a failing run can be replayed.
 *
 * @param faults the faults in time order
 */
record FaultSchedule(List<Fault> faults) {

	/** The kinds of fault (issue 15, "Faults"). */
	enum Kind {
		/** SIGKILL of a service instance, which the stack's supervisor starts again after its back-off. */
		KILL,
		/** SIGSTOP of a service instance for longer than the Kafka session timeout, then SIGCONT. */
		FREEZE,
		/** SIGKILL of the Kafka broker, which the stack's supervisor starts again. */
		BROKER_RESTART,
		/** Restart of PostgreSQL. */
		DATABASE_RESTART,
		/** ServiceTitan answers every call 429 with {@code Retry-After}. */
		ST_429_STORM,
		/** ServiceTitan fails 20 % of calls with 503. */
		ST_5XX,
		/** ServiceTitan answers every call 2 s late. */
		ST_LATENCY,
		/** ServiceTitan's token endpoint is down. */
		ST_TOKEN_DOWN,
		/** ServiceTitan applies the next category writes but their answers are lost. */
		ST_LOST_ANSWERS
	}

	/**
	 * One fault.
	 * @param at when, from the start of the workload
	 * @param kind what
	 * @param target the instance for {@link Kind#KILL} and {@link Kind#FREEZE}, else empty
	 * @param duration how long it lasts (freeze, ServiceTitan fault; zero for a kill or restart, which lasts as long
	 * as the process takes to be back); for {@link Kind#ST_LOST_ANSWERS} the number of answers lost is
	 * {@code duration} in seconds
	 */
	record Fault(Duration at, Kind kind, String target, Duration duration) {

		@Override
		public String toString() {
			return "t+" + at.toSeconds() + "s " + kind + (target.isEmpty() ? "" : " " + target)
					+ (kind == Kind.ST_LOST_ANSWERS ? " x" + duration.toSeconds()
							: duration.isZero() ? "" : " for " + duration.toSeconds() + "s");
		}
	}

	/**
	 * Draws a schedule with {@code java.util.Random(seed)}: each kind the stack allows at least once (when
	 * {@code count} allows), the rest drawn at random, at random moments between 5 % and 80 % of
	 * {@code span} so that the workload goes on under and after each.
	 * @param count how many faults
	 * @param freeze how long a frozen process stays frozen (beyond the session timeout)
	 * @param stFault how long a ServiceTitan fault lasts (the token endpoint is down for this long)
	 */
	static FaultSchedule draw(long seed, Duration span, int count, List<String> instances, boolean broker,
			boolean database, Duration freeze, Duration stFault) {

		var random = new Random(seed);
		var kinds = new ArrayList<Kind>();
		for (var kind : Kind.values()) {
			if ((kind != Kind.BROKER_RESTART || broker) && (kind != Kind.DATABASE_RESTART || database)) {
				kinds.add(kind);
			}
		}
		var chosen = new ArrayList<Kind>();
		for (var n = 0; n < count; n++) {
			chosen.add(n < kinds.size() ? kinds.get(n) : kinds.get(random.nextInt(kinds.size())));
		}
		var faults = new ArrayList<Fault>();
		for (var kind : chosen) {
			var at = Duration.ofMillis((long) (span.toMillis() * (0.05 + 0.75 * random.nextDouble())));
			var target = kind == Kind.KILL || kind == Kind.FREEZE ? instances.get(random.nextInt(instances.size())) : "";
			var duration = switch (kind) {
				case FREEZE -> freeze;
				case KILL, BROKER_RESTART, DATABASE_RESTART -> Duration.ZERO;
				case ST_LOST_ANSWERS -> Duration.ofSeconds(1 + random.nextInt(3));
				default -> stFault;
			};
			faults.add(new Fault(at, kind, target, duration));
		}
		faults.sort(Comparator.comparing(Fault::at));
		return new FaultSchedule(List.copyOf(faults));
	}
}
