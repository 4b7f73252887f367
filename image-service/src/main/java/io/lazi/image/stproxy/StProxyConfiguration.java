package io.lazi.image.stproxy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * Wires the CDN proxy with the system resolver, unless a {@link HostResolver} bean replaces it, and the
 * application's observed {@link RestClient.Builder}.
 */
@Configuration(proxyBeanMethods = false)
class StProxyConfiguration {

	@Bean(destroyMethod = "close")
	StCdnProxy stCdnProxy(StProxyProperties properties, ObjectProvider<HostResolver> resolver,
			RestClient.Builder builder) {
		return new StCdnProxy(properties, resolver.getIfAvailable(HostResolver::system), builder);
	}
}
