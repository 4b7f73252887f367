package io.lazi.notification.fanout.kafka;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import lombok.AccessLevel;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import io.lazi.notification.fanout.Cursor;
import io.lazi.notification.fanout.Notification;
import io.lazi.notification.fanout.TenantChannels;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.ReceivedEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code sync.events}, {@code pricebook.changed}, {@code crm.stage-moved}, {@code field.changed},
 * {@code crm.opportunities}, {@code crm.leads}, {@code crm.tasks} and {@code crm.cases} and hands each event a browser is
 * told about ({@link MessageNames}) to its tenant's channel, addressed to one user where {@link MessageNames#recipient}
 * names one (a task's assignee). One consumer reads them all, so that one
 * cursor names a client's position in every topic. Every instance must see every event, so each runs its own consumer
 * group ({@code lazi.notification.consumer-group}, random by default) and starts at the latest
 * offset: history before start-up is not a notification any more. Events are decoded through the
 * registry; those whose tenant header and payload disagree, that lack required fields or carry malformed
 * JSON fail and go through the platform error handler to {@code <topic>-dlt}. Each event goes with its partition and
 * offset, and the channels learn where each assigned partition starts, so that clients resume by offset
 * ({@link Cursor}) on any instance.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PlatformEventListener implements ConsumerSeekAware {

	static final String ID = "notification-fanout";

	private static final Logger LOG = LoggerFactory.getLogger(PlatformEventListener.class);

	private final JsonMapper json;

	private final TenantChannels channels;

	@KafkaListener(id = ID,
			topics = { Topics.SYNC_EVENTS, Topics.PRICEBOOK_CHANGED, Topics.CRM_STAGE_MOVED, Topics.FIELD_CHANGED,
					Topics.CRM_OPPORTUNITIES, Topics.CRM_LEADS, Topics.CRM_TASKS, Topics.CRM_CASES },
			groupId = "${lazi.notification.consumer-group}", properties = "auto.offset.reset=latest")
	void on(Optional<ReceivedEvent<?>> decoded, ConsumerRecord<?, ?> record) {

		var partition = Cursor.partition(record.topic(), record.partition());
		if (decoded.isEmpty()) {
			// Other teams add event types to these topics; this version does not know them.
			LOG.debug("Ignoring an event of an unknown type on {}", record.topic());
			channels.skipped(partition, record.offset());
			return;
		}
		var name = MessageNames.of(decoded.get().type());
		if (name.isEmpty()) {
			LOG.debug("Ignoring event {} of type {} on {}", decoded.get().id(), decoded.get().type(), record.topic());
			channels.skipped(partition, record.offset());
			return;
		}
		var event = decoded.get().verified();
		var tenant = event.tenantId();
		channels.publish(tenant, new Notification(event.id(), name.get(), event.cloudEvent().time(),
				json.readTree(event.cloudEvent().data()), MessageNames.recipient(event.payload())), partition,
				record.offset());
		LOG.debug("Fanned out {} {} to tenant {}", name.get(), event.id(), tenant);
	}

	/** Where reading starts on each partition Kafka assigns (the latest offset for a new one). */
	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		channels.assigned(assignments.entrySet().stream()
			.collect(Collectors.toMap(e -> Cursor.partition(e.getKey().topic(), e.getKey().partition()), Map.Entry::getValue)));
	}
}
