package io.lazi.platform.kafka;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The {@code kafka} health contributor ({@link KafkaHealthIndicator}, bean {@code kafkaHealthIndicator})
 * of every service with actuator on its classpath, built from the service's {@link KafkaAdmin}
 * settings; {@code management.health.kafka.enabled=false} turns it off and
 * {@code lazi.kafka.health.timeout} (default 2s) bounds one probe. Services put it in their readiness
 * group, never in liveness.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(KafkaAdmin.class)
@ConditionalOnEnabledHealthIndicator("kafka")
@EnableConfigurationProperties(LaziKafkaProperties.class)
public class LaziKafkaHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "kafkaHealthIndicator")
	KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin, LaziKafkaProperties properties) {
		return new KafkaHealthIndicator(admin.getConfigurationProperties(), properties.health().timeout());
	}
}
