package io.lazi.securitytests;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * API8 Security Misconfiguration, exposure: no actuator endpoint on any main port (gateway included),
 * health on the management ports, no service reachable on an address other than loopback, and every
 * service port refusing a request without a token.
 */
class ExposureProbesTests extends SecurityTest {

	private static final List<String> ACTUATOR = List.of("/actuator", "/actuator/health", "/actuator/health/readiness",
			"/actuator/prometheus", "/actuator/env", "/actuator/mappings", "/actuator/heapdump", "/actuator/gateway/routes");

	@Test
	void exposesNothingBeyondTheApi() {

		var probes = new Probes(Category.EXPOSURE);
		for (var port : ports().entrySet()) {
			for (var path : ACTUATOR) {
				var reply = Http.get(port.getValue() + path, as("OWNER", TENANT));
				probes.check(reply.status() == 404 || reply.status() == 401 || reply.status() == 403,
						port.getKey() + " main port " + path, reply.summary());
			}
			var anonymous = Http.get(port.getValue() + platform.readRoute(port.getKey()), headers(null, TENANT));
			probes.check(anonymous.status() == 401 || (port.getKey().equals("notification-service") && anonymous.status() >= 400),
					port.getKey() + " without a token", anonymous.summary());
		}
		for (var management : platform.managementUrls().entrySet()) {
			var health = Http.get(management.getValue() + "/actuator/health", Map.of());
			probes.check(health.status() == 200, management.getKey() + " health on its management port (control)", health.summary());
		}
		var outside = externalAddress();
		if (outside != null) {
			for (var port : platform.allPorts().entrySet()) {
				probes.check(!accepts(outside, port.getValue()), port.getKey() + " not listening on " + outside + ":" + port.getValue(),
						"accepted a connection");
			}
		}
		probes.report();
	}

	private static boolean accepts(String host, int port) {

		try (var socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 1_000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** A non-loopback IPv4 address of this machine, or null when it has none. */
	private static String externalAddress() {

		try {
			for (var nic : NetworkInterface.networkInterfaces().toList()) {
				if (!nic.isUp() || nic.isLoopback()) {
					continue;
				}
				for (var address : nic.inetAddresses().toList()) {
					if (address instanceof Inet4Address) {
						return address.getHostAddress();
					}
				}
			}
			return null;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}
}
