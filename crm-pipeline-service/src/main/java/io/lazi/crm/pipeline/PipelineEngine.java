package io.lazi.crm.pipeline;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.kafka.Outbox;

/**
 * Re-derives the opportunities of a set of customers from their facts and applies the real changes:
 * opportunity rows, stage history and one {@code crm.stage-moved} per move, all in the caller's
 * transaction; the rules' moves count in {@code lazi.crm.rule.applications} ({@link RuleApplications}).
 * Thread-safe; concurrent calls about the same customer serialise on its lock.
 */
@Component
class PipelineEngine {

	private final FactReader facts;

	private final OpportunityRepository opportunities;

	private final PipelineRules rules;

	private final Outbox outbox;

	private final RuleApplications applications;

	private final ApplicationEventPublisher events;

	PipelineEngine(FactReader facts, OpportunityRepository opportunities, PipelineSettings settings, Outbox outbox,
			RuleApplications applications, ApplicationEventPublisher events) {
		this.facts = facts;
		this.opportunities = opportunities;
		this.rules = new PipelineRules(settings.recentJobWindow());
		this.outbox = outbox;
		this.applications = applications;
		this.events = events;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	Outcome rederive(String tenantId, Collection<Long> customerIds, OffsetDateTime now) {

		if (customerIds.isEmpty()) {
			return Outcome.NONE;
		}
		var ids = new TreeSet<>(customerIds);
		opportunities.lockCustomers(tenantId, ids);
		var known = facts.load(tenantId, ids);
		var current = opportunities.find(tenantId, ids);
		var changes = new ArrayList<OpportunityRepository.Change>();
		var moves = new ArrayList<StageMove>();
		for (var id : ids) {
			var existing = current.get(id);
			var derived = rules.derive(known.get(id), existing, now.toInstant());
			if (derived.isEmpty() || (existing != null && !derived.get().differsFrom(existing))) {
				continue;
			}
			var d = derived.get();
			var oppId = existing == null ? OpportunityRepository.opportunityId(tenantId, id) : existing.id();
			var from = existing == null ? null : existing.stage();
			var moved = from != d.stage();
			changes.add(new OpportunityRepository.Change(oppId, id, d, existing == null, moved));
			if (moved) {
				moves.add(new StageMove(oppId, id, from, d.stage(), d.reason(), d.trigger(), d.monetaryValue(),
						d.stJobId(), d.stEstimateId(), now));
			}
		}
		applications.count(moves);
		return apply(tenantId, changes, moves, now);
	}

	/** Writes changes, history and events; seeds the catalogue before the tenant's first opportunities. */
	@Transactional(propagation = Propagation.MANDATORY)
	Outcome apply(String tenantId, List<OpportunityRepository.Change> changes, List<StageMove> moves,
			OffsetDateTime now) {

		var created = (int) changes.stream().filter(OpportunityRepository.Change::created).count();
		if (created > 0) {
			opportunities.seedCatalogue(tenantId);
		}
		opportunities.save(tenantId, changes, now);
		opportunities.appendHistory(tenantId, moves);
		outbox.appendAll(moves.stream().map(m -> m.event(tenantId)).toList());
		if (!moves.isEmpty()) {
			events.publishEvent(new StagesEntered(tenantId, moves.stream()
				.map(m -> new StagesEntered.Entered(m.opportunityId(), m.stCustomerId(), m.from(), m.to(), m.stJobId(),
						m.movedAt()))
				.toList()));
		}
		return new Outcome(created, moves.size());
	}

	/**
	 * What a derivation changed.
	 *
	 * @param created opportunities created
	 * @param moved stage moves, creations included
	 */
	record Outcome(int created, int moved) {

		static final Outcome NONE = new Outcome(0, 0);

		Outcome plus(Outcome other) {
			return new Outcome(created + other.created, moved + other.moved);
		}
	}
}
