package io.lazi.platform.openapi;

import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

import tools.jackson.databind.JsonNode;

import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.Tenant;

/**
 * The platform's part of every service's OpenAPI document ({@link ApiContract}), and springdoc's defaults of
 * {@code openapi-defaults.properties} (OpenAPI 3.1, keys in order, pretty-printed, {@code /internal/**} left out;
 * below the service's own configuration). A service names the document's path, {@code springdoc.api-docs.path},
 * inside its gateway route group so that it is reached, and guarded, like the group's other reads.
 */
@AutoConfiguration(before = SpringDocConfiguration.class)
@ConditionalOnClass(SpringDocConfiguration.class)
@PropertySource("classpath:io/lazi/platform/openapi/openapi-defaults.properties")
public class LaziOpenApiAutoConfiguration {

	static {
		SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, OpenApiSchemas.of("object")
			.description("A JSON object; the operation's description lists its members."));
	}

	@Bean
	OpenApiCustomizer laziApiContract() {
		return new ApiContract();
	}

	/** The servlet services' {@link Tenant} and {@link PageRequest} parameters (platform-web). */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.lazi.platform.web.PageRequest")
	static class ServletParameters {

		static {
			SpringDocUtils.getConfig().addRequestWrapperToIgnore(Tenant.class, PageRequest.class);
		}

		@Bean
		OperationCustomizer laziPagingParameters() {
			return new PagingParameters();
		}
	}
}
