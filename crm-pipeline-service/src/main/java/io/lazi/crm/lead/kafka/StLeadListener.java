package io.lazi.crm.lead.kafka;

import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.lazi.crm.lead.ServiceTitanLeads;
import io.lazi.crm.pipeline.FactIngest;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.ReceivedEvent;

/**
 * Reads {@code st.raw.leads} in the service's consumer group and hands fetched leads to {@link ServiceTitanLeads};
 * types this version does not know are skipped. A record that can never be applied goes to
 * {@code st.raw.leads-dlt} without retries (the platform error handler).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class StLeadListener {

	private static final Logger LOG = LoggerFactory.getLogger(StLeadListener.class);

	private final ServiceTitanLeads leads;

	@KafkaListener(id = "crm-leads", topics = Topics.ST_RAW_LEADS, groupId = FactIngest.CONSUMER)
	void onRecord(Optional<ReceivedEvent<?>> received) {

		received.ifPresent(event -> {
			if (ServiceTitanLeads.reads(event.type())) {
				leads.apply(event);
			}
			else {
				LOG.trace("Skipping {}", event.type());
			}
		});
	}
}
