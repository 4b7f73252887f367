package io.lazi.platform.web;

import java.io.IOException;
import java.net.URI;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends a request for {@code lb://<service>/<path>} to one instance of {@code <service>}, chosen by Spring
 * Cloud LoadBalancer (round robin over the instances its discovery client knows, e.g.
 * {@code spring.cloud.discovery.client.simple.instances.<service>[n].uri}); every other request passes
 * unchanged. The same {@code lb://} scheme as the gateway's routes: the local stack points a service at
 * {@code lb://image-service} when it runs several instances, while Kubernetes keeps plain
 * {@code http://} URLs of its Services, which balance by themselves. Added to every
 * {@code RestClient.Builder} of the application by {@link LaziWebAutoConfiguration}; only
 * {@link InternalClient}s use the scheme. Thread-safe.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class LoadBalancedCalls implements ClientHttpRequestInterceptor {

	/** The scheme of a base URL that names a service rather than a host. */
	static final String SCHEME = "lb";

	private final ObjectProvider<LoadBalancerClient> loadBalancer;

	/**
	 * @throws IOException when the service has no instance, or no load balancer is configured (the caller
	 *         sees it as the service being unreachable)
	 */
	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {

		var uri = request.getURI();
		if (!SCHEME.equalsIgnoreCase(uri.getScheme())) {
			return execution.execute(request, body);
		}
		var service = uri.getHost();
		var balancer = loadBalancer.getIfAvailable();
		if (balancer == null) {
			throw new IOException("No load balancer for " + uri + " (spring.cloud.loadbalancer.enabled is false)");
		}
		var instance = balancer.choose(service);
		if (instance == null) {
			throw new IOException("No instance of " + service + " is known (spring.cloud.discovery.client.simple.instances."
					+ service + ")");
		}
		// The instance's own scheme, not lb (which LoadBalancerClient.reconstructURI would keep).
		var scheme = instance.getScheme() != null ? instance.getScheme() : instance.isSecure() ? "https" : "http";
		var target = UriComponentsBuilder.fromUri(uri)
			.scheme(scheme)
			.host(instance.getHost())
			.port(instance.getPort())
			.build(true)
			.toUri();
		return execution.execute(new HttpRequestWrapper(request) {
			@Override
			public URI getURI() {
				return target;
			}
		}, body);
	}
}
