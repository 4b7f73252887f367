package io.lazi.notification.fanout.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.lazi.notification.fanout.Notification;
import io.lazi.notification.fanout.TenantChannels;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.CloudEventCodec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code sync.events}, {@code pricebook.changed} and {@code crm.stage-moved} and hands each event a browser is told
 * about to its tenant's channel. Every instance must see every event, so each runs its own consumer
 * group ({@code lazi.notification.consumer-group}, random by default) and starts at the latest
 * offset: history before start-up is not a notification any more. Records without a tenant or with
 * malformed JSON fail and go through the platform error handler to {@code <topic>-dlt}.
 */
@Component
class PlatformEventListener {

	static final String ID = "notification-fanout";

	private static final Logger LOG = LoggerFactory.getLogger(PlatformEventListener.class);

	private final CloudEventCodec codec;

	private final JsonMapper json;

	private final TenantChannels channels;

	PlatformEventListener(CloudEventCodec codec, JsonMapper json, TenantChannels channels) {
		this.codec = codec;
		this.json = json;
		this.channels = channels;
	}

	@KafkaListener(id = ID, topics = { Topics.SYNC_EVENTS, Topics.PRICEBOOK_CHANGED, Topics.CRM_STAGE_MOVED },
			groupId = "${lazi.notification.consumer-group}", properties = "auto.offset.reset=latest")
	void on(ConsumerRecord<String, byte[]> record) {

		var event = codec.read(record);
		var name = MessageNames.of(event.type());
		if (name.isEmpty()) {
			// Other teams add event types to these topics; browsers only hear about the ones listed.
			LOG.debug("Ignoring event {} of type {} on {}", event.id(), event.type(), record.topic());
			return;
		}
		var tenant = event.tenantId();
		if (tenant == null || tenant.isBlank()) {
			throw new IllegalArgumentException("Event " + event.id() + " on " + record.topic() + " has no ce_tenantid");
		}
		channels.publish(tenant, new Notification(event.id(), name.get(), event.time(), json.readTree(event.data())));
		LOG.debug("Fanned out {} {} to tenant {}", name.get(), event.id(), tenant);
	}
}
