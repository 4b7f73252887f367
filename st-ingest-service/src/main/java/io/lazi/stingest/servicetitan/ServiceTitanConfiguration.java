package io.lazi.stingest.servicetitan;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires the ServiceTitan client and writes: JDK HttpClient with the configured timeouts, token cache, guarded calls shared by all. */
@Configuration(proxyBeanMethods = false)
class ServiceTitanConfiguration {

	@Bean
	GuardedCalls guardedCalls(RestClient.Builder builder, ServiceTitanProperties properties, MeterRegistry meters) {

		var clock = Clock.systemUTC();
		var http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.version(protocol(properties.apiUrl()))
			.build();
		var requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(properties.readTimeout());
		var auth = builder.clone().requestFactory(requests).baseUrl(properties.authUrl().toString()).build();
		var api = builder.clone().requestFactory(requests).baseUrl(properties.apiUrl().toString()).build();
		var tokens = new AccessTokens(new OAuthTokenEndpoint(auth, properties), properties.tokenRenewalMargin(), clock);
		return new GuardedCalls(api, tokens, properties, meters, clock);
	}

	/**
	 * HTTP/2 where it is negotiated over TLS (ServiceTitan); HTTP/1.1 on plaintext, where the JDK client
	 * would try an h2c upgrade that servers such as Jetty refuse for requests with a body (PATCH, POST).
	 */
	static HttpClient.Version protocol(URI url) {
		return "https".equalsIgnoreCase(url.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
	}

	@Bean
	ServiceTitanClient serviceTitanClient(GuardedCalls calls, ServiceTitanProperties properties) {
		return new ServiceTitanClient(calls, properties);
	}

	@Bean
	ServiceTitanWrites serviceTitanWrites(GuardedCalls calls) {
		return new ServiceTitanWrites(calls);
	}

	@Bean
	ServiceTitanFieldWrites serviceTitanFieldWrites(GuardedCalls calls) {
		return new ServiceTitanFieldWrites(calls);
	}
}
