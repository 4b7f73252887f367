package io.lazi.notification.fanout.kafka;

import java.util.Optional;

import lombok.RequiredArgsConstructor;
import lombok.AccessLevel;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.lazi.notification.fanout.Notification;
import io.lazi.notification.fanout.TenantChannels;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.ReceivedEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code sync.events}, {@code pricebook.changed} and {@code crm.stage-moved} and hands each event a browser is told
 * about to its tenant's channel. Every instance must see every event, so each runs its own consumer
 * group ({@code lazi.notification.consumer-group}, random by default) and starts at the latest
 * offset: history before start-up is not a notification any more. Events are decoded through the
 * registry; those whose tenant header and payload disagree, that lack required fields or carry malformed
 * JSON fail and go through the platform error handler to {@code <topic>-dlt}.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PlatformEventListener {

	static final String ID = "notification-fanout";

	private static final Logger LOG = LoggerFactory.getLogger(PlatformEventListener.class);

	private final JsonMapper json;

	private final TenantChannels channels;

	@KafkaListener(id = ID, topics = { Topics.SYNC_EVENTS, Topics.PRICEBOOK_CHANGED, Topics.CRM_STAGE_MOVED },
			groupId = "${lazi.notification.consumer-group}", properties = "auto.offset.reset=latest")
	void on(Optional<ReceivedEvent<?>> decoded, ConsumerRecord<?, ?> record) {

		if (decoded.isEmpty()) {
			// Other teams add event types to these topics; this version does not know them.
			LOG.debug("Ignoring an event of an unknown type on {}", record.topic());
			return;
		}
		var name = MessageNames.of(decoded.get().type());
		if (name.isEmpty()) {
			LOG.debug("Ignoring event {} of type {} on {}", decoded.get().id(), decoded.get().type(), record.topic());
			return;
		}
		var event = decoded.get().verified();
		var tenant = event.tenantId();
		channels.publish(tenant, new Notification(event.id(), name.get(), event.cloudEvent().time(),
				json.readTree(event.cloudEvent().data())));
		LOG.debug("Fanned out {} {} to tenant {}", name.get(), event.id(), tenant);
	}
}
