package io.lazi.field.writeback.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lazi.platform.events.EventType;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.OpportunityClosed;
import io.lazi.platform.events.OpportunityOutcomeMarked;
import io.lazi.platform.events.OpportunityStageMoved;
import io.lazi.platform.events.TenantPayload;
import io.lazi.platform.kafka.IncomingEvent;
import io.lazi.platform.kafka.ReceivedEvent;

/**
 * What {@link OpportunityListener} does with each registered type of {@code crm.opportunities}: a marked outcome is
 * written back, won and lost are skipped, anything else fails (to the {@code -dlt}). A record of a type the registry
 * does not know fails before the listener: its parameter is no {@code Optional}.
 */
class OpportunityListenerUnitTests {

	private static final String TENANT = "3222348440";

	private static final UUID OPPORTUNITY = UUID.fromString("0b9e6a52-7c4f-4d0e-9a55-1f3c2b7d8e90");

	private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

	@Test
	void writesBackAMarkedOutcome() {

		var marked = received(Events.CRM_OPPORTUNITY_OUTCOME_MARKED,
				new OpportunityOutcomeMarked(TENANT, OPPORTUNITY, "won", 73000001L, null, null, "user-7", AT));

		assertThat(OpportunityListener.outcome(marked)).containsSame(marked);
	}

	@Test
	void skipsOpportunitiesWonOrLost() {

		for (var type : java.util.List.of(Events.CRM_OPPORTUNITY_WON, Events.CRM_OPPORTUNITY_LOST)) {
			var closed = received(type, new OpportunityClosed(TENANT, OPPORTUNITY,
					type == Events.CRM_OPPORTUNITY_WON ? "won" : "lost", "Sales", "Job Sold", "Pool install",
					new BigDecimal("42000.00"), null, 70000001L, 73000001L, "pipeline", AT));

			assertThat(OpportunityListener.outcome(closed)).as(type.name()).isEmpty();
		}
	}

	@Test
	void refusesAnyOtherType() {

		var moved = received(Events.CRM_STAGE_MOVED, new OpportunityStageMoved(TENANT, OPPORTUNITY, null, null, "Sales",
				"New Lead", "open", "manual", null, null, null, null, AT));

		assertThatIllegalArgumentException().isThrownBy(() -> OpportunityListener.outcome(moved))
			.withMessageContaining("is no opportunity outcome");
	}

	private static <T extends TenantPayload> ReceivedEvent<T> received(EventType<T> type, T payload) {
		return new ReceivedEvent<>(new IncomingEvent(UUID.randomUUID().toString(), type.name(), "/lazi/crm-pipeline-service",
				null, TENANT, OffsetDateTime.parse("2026-03-01T10:15:30Z"), new byte[0]), type, payload);
	}
}
