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

import io.lazi.platform.events.Events;
import io.lazi.platform.events.OpportunityClosed;
import io.lazi.platform.kafka.Outbox;
import io.lazi.platform.kafka.OutgoingEvent;

/**
 * Re-derives the opportunities of a set of customers from their facts and applies the real changes: opportunity
 * rows, stage history, one {@code crm.stage-moved} per move and one {@code crm.opportunity-won}/{@code -lost} per
 * status change to won or lost, all in the caller's transaction (opportunities opened in Lazi have no customer: the
 * rules never touch them); the rules' moves count in {@code lazi.crm.rule.applications} ({@link RuleApplications}).
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
		announce(tenantId, moves);
		return new Outcome(created, moves.size());
	}

	/**
	 * Records and announces moves already written to their opportunities: a history row and one
	 * {@code crm.stage-moved} each, {@link StagesEntered} for the features reacting in-process, and one
	 * {@code crm.opportunity-won}/{@code -lost} per move that changes the status to won or lost (a move that keeps
	 * it, e.g. Job Sold into the Install pipeline, announces no second one), telling the amount and account as
	 * stored now.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void announce(String tenantId, List<StageMove> moves) {

		if (moves.isEmpty()) {
			return;
		}
		opportunities.appendHistory(tenantId, moves);
		outbox.appendAll(moves.stream().map(m -> m.event(tenantId)).toList());
		var closing = moves.stream().filter(m -> m.closes().isPresent()).toList();
		if (!closing.isEmpty()) {
			var stored = opportunities.closing(tenantId, closing.stream().map(StageMove::opportunityId).toList());
			outbox.appendAll(closing.stream().map(m -> closed(tenantId, m, stored.get(m.opportunityId()))).toList());
		}
		events.publishEvent(new StagesEntered(tenantId, moves.stream()
			.map(m -> new StagesEntered.Entered(m.opportunityId(), m.stCustomerId(), m.from(), m.to(), m.stJobId(),
					m.movedAt()))
			.toList()));
	}

	private static OutgoingEvent closed(String tenantId, StageMove move, OpportunityRepository.Closing stored) {

		var status = move.closes().orElseThrow();
		var payload = new OpportunityClosed(tenantId, move.opportunityId(), status.wire(), move.to().pipeline().name(),
				move.to().name(), stored.title(), stored.amount(), stored.accountId(), stored.stCustomerId(),
				stored.stEstimateId(), move.actor(), move.movedAt().toInstant());
		return OutgoingEvent.of(status == OpportunityStatus.WON ? Events.CRM_OPPORTUNITY_WON : Events.CRM_OPPORTUNITY_LOST,
				move.opportunityId().toString(), payload);
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
