package io.lazi.crm.pipeline;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import io.lazi.platform.observability.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The {@code lazi.crm.rule.applications} counter ({@code lazi_crm_rule_applications_total}): stage moves the
 * pipeline rules of DESIGN §6 made, tag {@code rule}: {@code contacted} (1), {@code appointment-scheduled}
 * (2), {@code proposal-sent} (3), {@code job-sold} and {@code estimate-lost} (4), {@code install} (5),
 * {@code install-status} (6). Manual moves and derivations that move nothing are not counted. Counted once the
 * transaction that makes the moves commits, so a redelivered record counts once. Thread-safe.
 */
@Component
class RuleApplications {

	/** Every rule tag, in the order of DESIGN §6. */
	static final List<String> RULES = List.of("contacted", "appointment-scheduled", "proposal-sent", "job-sold",
			"estimate-lost", "install", "install-status");

	private final Map<String, Counter> counters = new LinkedHashMap<>();

	RuleApplications(MeterRegistry meters) {
		for (var rule : RULES) {
			counters.put(rule, Counter.builder("lazi.crm.rule.applications")
				.description("Stage moves made by each pipeline rule")
				.tag("rule", rule)
				.register(meters));
		}
	}

	/** The rule that made a move for {@code reason} ({@link Derived#reason()}); empty for a manual move or a stage kept. */
	static Optional<String> rule(String reason) {
		return Optional.ofNullable(switch (reason) {
			case "job-created" -> "contacted";
			case "appointment-scheduled" -> "appointment-scheduled";
			case "estimate-sent" -> "proposal-sent";
			case "estimate-sold" -> "job-sold";
			case "estimate-dismissed" -> "estimate-lost";
			case "install-job-created" -> "install";
			default -> reason.startsWith("install-job-") ? "install-status" : null;
		});
	}

	/** Counts the moves of the current transaction by rule, once it commits. */
	void count(Collection<StageMove> moves) {

		var perRule = new TreeMap<String, Integer>();
		moves.forEach(move -> rule(move.reason()).ifPresent(rule -> perRule.merge(rule, 1, Integer::sum)));
		perRule.forEach((rule, count) -> AfterCommit.increment(counters.get(rule), count));
	}
}
