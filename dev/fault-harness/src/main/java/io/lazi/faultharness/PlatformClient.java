package io.lazi.faultharness;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The SPA's view of the platform: calls through the gateways (round robin over every instance, as a load
 * balancer in front of them would), with a user token and the tenant. A call that reaches nothing, or a
 * gateway that answers 502/503/504 because the instance behind it is down, is retried on the next gateway
 * for up to {@link #RETRY_FOR}: the harness is a patient user, not a fault.
 */
final class PlatformClient {

	static final Duration RETRY_FOR = Duration.ofMinutes(3);

	private final List<String> gateways;

	private final Supplier<String> token;

	private final String tenant;

	private final AtomicInteger next = new AtomicInteger();

	PlatformClient(List<String> gateways, Supplier<String> token, String tenant) {

		this.gateways = List.copyOf(gateways);
		this.token = token;
		this.tenant = tenant;
	}

	String tenant() {
		return tenant;
	}

	Http.Response get(String path) {
		return call("GET", path, null);
	}

	Http.Response post(String path, Object body) {
		return call("POST", path, body == null ? null : Http.json(body));
	}

	Http.Response delete(String path) {
		return call("DELETE", path, null);
	}

	private Http.Response call(String method, String path, String json) {

		var deadline = Instant.now().plus(RETRY_FOR);
		while (true) {
			var gateway = gateways.get(Math.floorMod(next.getAndIncrement(), gateways.size()));
			var response = Http.send(method, gateway + path, Map.of("Authorization", "Bearer " + token.get(),
					"X-Tenant-ID", tenant, "Accept", "application/json"), json, Duration.ofSeconds(60));
			var unavailable = response.status() == 0 || response.status() == 502 || response.status() == 503
					|| response.status() == 504;
			if (!unavailable || Instant.now().isAfter(deadline)) {
				return response;
			}
			Pause.of(Duration.ofMillis(500));
		}
	}
}
