package io.lazi.notification.fanout.kafka;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.stereotype.Component;

/**
 * Reports the fan-out listener DOWN until Kafka has assigned it partitions. The listener starts at
 * the latest offset, so an instance that took traffic before its assignment would silently miss
 * the events published meanwhile; readiness waits for it instead.
 */
@Component("kafkaFanout")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ListenerAssignmentHealthIndicator implements HealthIndicator {

	private final KafkaListenerEndpointRegistry registry;

	@Override
	public Health health() {

		var container = registry.getListenerContainer(PlatformEventListener.ID);
		if (container == null || !container.isRunning()) {
			return Health.down().withDetail("listener", "not running").build();
		}
		var assigned = container.getAssignedPartitions();
		if (assigned == null || assigned.isEmpty()) {
			return Health.down().withDetail("listener", "waiting for partition assignment").build();
		}
		return Health.up().withDetail("assignedPartitions", assigned.size()).build();
	}
}
