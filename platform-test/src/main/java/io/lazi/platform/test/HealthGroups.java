package io.lazi.platform.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.context.ApplicationContext;

/**
 * What a service's health groups are made of, for the tests that hold each service to the probe
 * contract: readiness = {@code readinessState} plus the database and Kafka it uses, liveness =
 * {@code livenessState} alone.
 */
public final class HealthGroups {

	private HealthGroups() {
	}

	/**
	 * The names of the registered health contributors (blocking and reactive) that belong to {@code group}.
	 * @param context a started application context with actuator's health endpoint
	 * @param group a group name, e.g. {@code readiness}
	 * @throws IllegalArgumentException when the context has no such group
	 */
	public static Set<String> members(ApplicationContext context, String group) {

		var found = context.getBean(HealthEndpointGroups.class).get(group);
		if (found == null) {
			throw new IllegalArgumentException("No health group " + group);
		}
		var blocking = context.getBeanProvider(HealthContributorRegistry.class)
			.stream()
			.flatMap(HealthContributors::stream)
			.map(HealthContributors.Entry::name);
		var reactive = context.getBeanProvider(ReactiveHealthContributorRegistry.class)
			.stream()
			.flatMap(registry -> registry.stream())
			.map(entry -> entry.name());
		var members = new TreeSet<String>();
		Stream.concat(blocking, reactive).filter(found::isMember).forEach(members::add);
		return members;
	}

	/**
	 * A GET without a token to {@code path} on the management port, as the kubelet's probes send it.
	 * @param managementPort the service's management (actuator) port on 127.0.0.1
	 * @param path e.g. {@code /actuator/health/readiness}
	 */
	public static HttpResponse<String> probe(int managementPort, String path) throws IOException, InterruptedException {
		try (var http = HttpClient.newHttpClient()) {
			return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
	}
}
