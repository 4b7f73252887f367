package io.lazi.securitytests;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * API7 Server Side Request Forgery on the ServiceTitan CDN proxy ({@code /images/st/{host}/{path}}),
 * at the gateway and at image-service's port: internal addresses, other ports, encodings of loopback,
 * userinfo and fragment tricks, and the victim tenant's objects on the allowed CDN. None may answer
 * an image.
 */
class SsrfProbesTests extends SecurityTest {

	@Test
	void fetchesNothingButTheTenantsOwnCdnObjects() {

		var probes = new Probes(Category.SSRF);
		var simulator = platform.simulatorHostPort();
		var targets = new ArrayList<>(List.of("169.254.169.254/latest/meta-data/", "169.254.169.254/computeMetadata/v1/",
				"127.0.0.1:" + platform.port("st-ingest-service") + "/internal/servicetitan/images?path=Images/a.png",
				"localhost:" + platform.managementPort("gateway-service") + "/actuator/health",
				"localhost:" + platform.port("image-service") + "/images/stats", "%5B::1%5D/x.png", "0.0.0.0/x.png",
				"2130706433/x.png", "0x7f000001/x.png", "017700000001/x.png", "127.1/x.png", "10.0.0.1/x.png",
				"192.168.0.1/x.png", "172.16.0.1/x.png", "100.64.0.1/x.png", "%5Bfd00::1%5D/x.png",
				"%5B::ffff:127.0.0.1%5D/x.png", "evil.example/x.png", "api.servicetitan.io@127.0.0.1/x.png",
				"api.servicetitan.io%40127.0.0.1/x.png", "127.0.0.1%23.api.servicetitan.io/x.png",
				"localhost:1/x.png", "localhost:22/x.png", simulator + "/cdn/" + VICTIM + "/Images/Category/x.png",
				simulator + "/admin/faults", simulator + "/connect/token"));
		for (var target : targets) {
			for (var base : List.of(platform.gatewayUrl(), platform.serviceUrls().get("image-service"))) {
				var reply = Http.get(base + "/images/st/" + target, as("VIEWER", TENANT));
				probes.check(reply.status() >= 400 && reply.status() < 500, base + " proxy to " + target, reply.summary());
			}
		}
		probes.report();
	}
}
