package io.lazi.field.writeback;

import java.time.Clock;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.field.change.Announcements;
import io.lazi.field.command.FieldCommands;
import io.lazi.field.mirror.MirrorIngest;
import io.lazi.field.provider.Providers;
import io.lazi.field.record.Domain;
import io.lazi.field.record.Kind;
import io.lazi.field.record.Provider;
import io.lazi.field.record.RecordStore;
import io.lazi.field.record.Rows;
import io.lazi.field.record.Source;
import io.lazi.platform.events.FieldAction;
import io.lazi.platform.events.FieldWrite;
import io.lazi.platform.events.OpportunityOutcomeMarked;
import io.lazi.platform.events.StEstimate;
import io.lazi.platform.kafka.ConsumedMessages;
import io.lazi.platform.kafka.ReceivedEvent;

/**
 * Writes an opportunity marked won or lost back to its estimate, once per event, through the tenant's estimates
 * provider: a ServiceTitan estimate (provider {@code servicetitan}, or {@code hybrid} without a Lazi-owned copy) is
 * sold or dismissed there by a command whose answer is reported when it comes; a Lazi-owned one changes here and is
 * reported {@code kept}. Each step is announced as {@code io.lazi.field.estimate.written-back.v1}. The opportunity's
 * stage is not touched: the pipeline rules move it when they read the estimate back.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class EstimateWriteBack {

	private static final Logger LOG = LoggerFactory.getLogger(EstimateWriteBack.class);

	private final ConsumedMessages consumed;

	private final Providers providers;

	private final RecordStore records;

	private final FieldCommands commands;

	private final Announcements announcements;

	private final Clock clock = Clock.systemUTC();

	/**
	 * Writes back one marked outcome.
	 *
	 * @throws IllegalArgumentException when the event can never be applied (an outcome other than won or lost)
	 */
	@Transactional
	public void apply(ReceivedEvent<OpportunityOutcomeMarked> event) {

		if (!consumed.accept(event, MirrorIngest.CONSUMER)) {
			return;
		}
		var marked = event.payload();
		var won = switch (marked.outcome()) {
			case "won" -> true;
			case "lost" -> false;
			default -> throw new IllegalArgumentException("Outcome " + marked.outcome() + " of opportunity "
					+ marked.opportunityId() + " is neither won nor lost");
		};
		var tenant = marked.tenantId();
		var provider = providers.of(tenant, Domain.ESTIMATES);
		var estimate = records.find(tenant, Kind.ESTIMATE, marked.stEstimateId(), provider, StEstimate.class);
		var now = clock.instant();
		var local = provider == Provider.LAZI
				|| (provider == Provider.HYBRID && estimate.map(e -> e.source() == Source.LAZI).orElse(false));
		if (local) {
			estimate.ifPresent(found -> {
				var e = found.record();
				records.saveLazi(tenant, Rows.of(Kind.ESTIMATE, new StEstimate(e.id(), e.jobId(), e.customerId(), e.name(),
						won ? new StEstimate.Status(1, "Sold") : new StEstimate.Status(2, "Dismissed"), e.subtotal(), e.tax(),
						won ? now : e.soldOn(), e.active(), e.businessUnitId(), e.businessUnitName(), e.createdOn(), now)),
						now);
			});
			announcements.writeBack(tenant, marked.opportunityId(), marked.stEstimateId(), marked.outcome(),
					provider.wire(), "kept", null, null, now);
			LOG.info("Opportunity {} of tenant {} marked {}: estimate {} kept in Lazi", marked.opportunityId(), tenant,
					marked.outcome(), marked.stEstimateId());
			return;
		}
		var command = commands.issue(tenant, won ? FieldAction.SELL_ESTIMATE : FieldAction.DISMISS_ESTIMATE,
				marked.stEstimateId(), FieldWrite.none(), FieldCommands.OPPORTUNITY + marked.opportunityId(),
				marked.markedBy());
		announcements.writeBack(tenant, marked.opportunityId(), marked.stEstimateId(), marked.outcome(), provider.wire(),
				"sent", command.commandId(), null, now);
	}
}
