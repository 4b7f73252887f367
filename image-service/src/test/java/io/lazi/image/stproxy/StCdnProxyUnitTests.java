package io.lazi.image.stproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.RestClient;

/**
 * SSRF refusals of the CDN proxy with loopback not allowed (the production default) and a fake
 * resolver: nothing here may open a connection, so every case must be refused before connecting.
 */
class StCdnProxyUnitTests {

	private final StCdnProxy proxy = new StCdnProxy(
			new StProxyProperties(List.of("api.servicetitan.io", "127.0.0.1", "10.1.2.3", "169.254.169.254",
					"private.example", "mapped.example", "ula.example", ".cdn.example"), Set.of(443), "https", false, false,
					DataSize.ofMegabytes(1), Duration.ofSeconds(1), Duration.ofSeconds(2), 3),
			host -> switch (host) {
				case "private.example" -> new InetAddress[] { InetAddress.getByName("10.0.0.5") };
				case "mapped.example" -> new InetAddress[] { InetAddress.getByName("::ffff:192.168.1.1") };
				case "ula.example" -> new InetAddress[] { InetAddress.getByName("fd00::1") };
				case "img.cdn.example" -> new InetAddress[] { InetAddress.getByName("93.184.216.34"),
						InetAddress.getByName("127.0.0.1") };
				default -> InetAddress.getAllByName(host);
			}, RestClient.builder());

	@AfterEach
	void close() throws Exception {
		proxy.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://127.0.0.1/x.png", "https://10.1.2.3/x.png",
			"https://169.254.169.254/latest/meta-data/iam?token=secret", "https://private.example/x.png",
			"https://mapped.example/x.png", "https://ula.example/x.png", "https://img.cdn.example/x.png" })
	void refusesForbiddenAddresses(String url) {
		assertThatThrownBy(() -> proxy.fetch(URI.create(url))).isInstanceOf(ProxyRefusedException.class)
			.hasMessageContaining("address");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example/x.png", "https://2130706433/x.png", "https://0x7f000001/x.png",
			"http://api.servicetitan.io/x.png", "https://api.servicetitan.io:8443/x.png", "file:///etc/passwd",
			"https://user@api.servicetitan.io/x.png", "https://cdn.example/x.png" })
	void refusesTargetsOffTheAllowList(String url) {
		assertThatThrownBy(() -> proxy.fetch(URI.create(url))).isInstanceOf(ProxyRefusedException.class);
	}

	@Test
	void judgesAddressesByTheirEmbeddedIpv4AndRanges() throws Exception {

		assertThat(AddressPolicy.refusal(InetAddress.getByName("::1"), false)).isEqualTo("loopback");
		assertThat(AddressPolicy.refusal(InetAddress.getByName("127.0.0.1"), true)).isNull();
		assertThat(AddressPolicy.refusal(InetAddress.getByName("fe80::1"), false)).isEqualTo("link-local");
		assertThat(AddressPolicy.refusal(InetAddress.getByName("172.16.0.1"), false)).isEqualTo("private");
		assertThat(AddressPolicy.refusal(InetAddress.getByName("100.64.0.1"), false)).isEqualTo("reserved");
		assertThat(AddressPolicy.refusal(InetAddress.getByName("0.0.0.0"), false)).isEqualTo("any-local");
		assertThat(AddressPolicy.refusal(InetAddress.getByName("224.0.0.1"), false)).isEqualTo("multicast");
		assertThat(AddressPolicy.refusal(InetAddress.getByAddress(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff,
				(byte) 0xff, (byte) 169, (byte) 254, (byte) 169, (byte) 254 }), false)).isEqualTo("link-local");
		assertThat(AddressPolicy.refusal(InetAddress.getByName("93.184.216.34"), false)).isNull();
		assertThat(AddressPolicy.refusal(InetAddress.getByName("2606:2800:220:1::1"), false)).isNull();
	}
}
