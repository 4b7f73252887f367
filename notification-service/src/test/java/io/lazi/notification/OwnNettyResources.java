package io.lazi.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Gives an instance a test starts itself event loops of its own. With Reactor Netty's global ones (Boot's
 * default), closing it would also shut down the servers of the service contexts this test JVM keeps cached for
 * other test classes.
 */
@Configuration(proxyBeanMethods = false)
class OwnNettyResources {

	@Bean
	ReactorResourceFactory reactorResourceFactory() {
		var resources = new ReactorResourceFactory();
		resources.setUseGlobalResources(false);
		return resources;
	}
}
