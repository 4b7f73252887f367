package io.lazi.stingest.servicetitan;

import java.net.http.HttpClient;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires the ServiceTitan client: JDK HttpClient with the configured timeouts, token cache, guarded calls. */
@Configuration(proxyBeanMethods = false)
class ServiceTitanConfiguration {

	@Bean
	ServiceTitanClient serviceTitanClient(RestClient.Builder builder, ServiceTitanProperties properties,
			MeterRegistry meters) {

		var clock = Clock.systemUTC();
		var http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
		var requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(properties.readTimeout());
		var auth = builder.clone().requestFactory(requests).baseUrl(properties.authUrl().toString()).build();
		var api = builder.clone().requestFactory(requests).baseUrl(properties.apiUrl().toString()).build();
		var tokens = new AccessTokens(new OAuthTokenEndpoint(auth, properties), properties.tokenRenewalMargin(), clock);
		return new ServiceTitanClient(new GuardedCalls(api, tokens, properties, meters, clock), properties);
	}
}
