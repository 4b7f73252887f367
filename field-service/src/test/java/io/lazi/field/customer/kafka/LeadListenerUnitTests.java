package io.lazi.field.customer.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lazi.platform.events.CaseOpened;
import io.lazi.platform.events.EventType;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.LeadConverted;
import io.lazi.platform.events.LeadCreated;
import io.lazi.platform.events.TenantPayload;
import io.lazi.platform.kafka.IncomingEvent;
import io.lazi.platform.kafka.ReceivedEvent;

/**
 * What {@link LeadListener} does with each registered type of {@code crm.leads}: a converted lead is applied, a
 * created one skipped, anything else fails (to the {@code -dlt}). A record of a type the registry does not know fails
 * before the listener: its parameter is no {@code Optional}.
 */
class LeadListenerUnitTests {

	private static final String TENANT = "3222348440";

	private static final UUID LEAD = UUID.fromString("7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d");

	private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

	@Test
	void appliesAConvertedLead() {

		var converted = received(Events.CRM_LEAD_CONVERTED, new LeadConverted(TENANT, LEAD, UUID.randomUUID(),
				UUID.randomUUID(), UUID.randomUUID(), "SALES", true, true, "user-7", AT));

		assertThat(LeadListener.converted(converted)).containsSame(converted);
	}

	@Test
	void skipsACreatedLead() {

		var created = received(Events.CRM_LEAD_CREATED, new LeadCreated(TENANT, LEAD, "Dana Whitfield", null, null, null,
				"website", "new", null, null, null, "user-7", AT));

		assertThat(LeadListener.converted(created)).isEmpty();
	}

	@Test
	void refusesAnyOtherType() {

		var opened = received(Events.CRM_CASE_OPENED, new CaseOpened(TENANT, UUID.randomUUID(), 1, "warranty", "Leak",
				"high", "new", UUID.randomUUID(), null, AT, "user-7", AT));

		assertThatIllegalArgumentException().isThrownBy(() -> LeadListener.converted(opened))
			.withMessageContaining("is no converted lead");
	}

	private static <T extends TenantPayload> ReceivedEvent<T> received(EventType<T> type, T payload) {
		return new ReceivedEvent<>(new IncomingEvent(UUID.randomUUID().toString(), type.name(), "/lazi/crm-pipeline-service",
				null, TENANT, OffsetDateTime.parse("2026-03-01T10:15:30Z"), new byte[0]), type, payload);
	}
}
