package io.lazi.crm.pipeline;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Pipeline rule settings ({@code lazi.crm.pipeline.*}).
 *
 * @param recentJobWindow how recent a job must be to create an opportunity (rule 1)
 * @param businessUnits business-unit name patterns ({@code *} matches anything, case-insensitive) → pipeline,
 *        for every tenant
 * @param tenants per tenant id, patterns consulted before {@code businessUnits}
 */
@ConfigurationProperties("lazi.crm.pipeline")
record PipelineSettings(@DefaultValue("14d") Duration recentJobWindow, Map<String, Pipeline> businessUnits,
		Map<String, Map<String, Pipeline>> tenants) {

	PipelineSettings {
		businessUnits = businessUnits == null ? Map.of() : Map.copyOf(businessUnits);
		tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
	}
}
