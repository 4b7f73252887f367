package io.lazi.notification.fanout;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class FanoutConfiguration {

	@Bean
	TenantChannels tenantChannels(FanoutProperties properties, JsonMapper json, MeterRegistry meters) {
		return new TenantChannels(properties, json, meters, Clock.systemUTC());
	}
}
