package io.lazi.crm.pipeline;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The business-unit mapping (the platform creates the raw topics). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PipelineSettings.class)
class PipelineConfiguration {

	@Bean
	BusinessUnitMapping businessUnitMapping(PipelineSettings settings) {
		return new BusinessUnitMapping(settings);
	}
}
