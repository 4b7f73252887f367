package io.lazi.pricebook.category.push.internal;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.lazi.platform.observability.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The {@code lazi.pricebook.push.outcomes} counter ({@code lazi_pricebook_push_outcomes_total}): what became
 * of the items pushes tried to send, tag {@code outcome}. Counted once the transaction that records the outcome
 * commits, so a redelivered or retried answer counts once. Every outcome is registered at zero from the start.
 * Thread-safe.
 */
@Component
public class PushOutcomes {

	/** What became of one pushed item. */
	public enum Outcome {

		/** ServiceTitan accepted its command (a delete of an item already gone there counts). */
		PUSHED,

		/** ServiceTitan no longer has the item (an update answered 404); the item stays pending. */
		NOT_FOUND,

		/** ServiceTitan refused the command or kept failing; the item stays pending with the error. */
		FAILED,

		/** Never sent: it waited for the create of its parent, which failed. */
		PARENT_NOT_CREATED,

		/** Left out of a push because it has an open conflict to resolve first. */
		CONFLICT;

		/** The tag value: {@code pushed}, {@code not_found}, {@code failed}, {@code parent_not_created}, {@code conflict}. */
		public String tag() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

	PushOutcomes(MeterRegistry meters) {
		for (var outcome : Outcome.values()) {
			counters.put(outcome, Counter.builder("lazi.pricebook.push.outcomes")
				.description("Items pushes tried to send to ServiceTitan, by what became of them")
				.tag("outcome", outcome.tag())
				.register(meters));
		}
	}

	/** Counts {@code items} with {@code outcome} once the current transaction commits. */
	public void count(Outcome outcome, int items) {
		AfterCommit.increment(counters.get(outcome), items);
	}
}
