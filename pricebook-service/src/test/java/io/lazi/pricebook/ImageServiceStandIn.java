package io.lazi.pricebook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * image-service's internal uploads API as pricebook-service sees it, on WireMock started once per test
 * JVM: every upload is absent (404) unless a test declares it the tenant's with {@link #upload}, or makes
 * image-service fail with {@link #failing}. Points {@code lazi.pricebook.image-service.url} at itself.
 */
public final class ImageServiceStandIn implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final WireMockServer SERVER = started();

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("imageServiceStandIn", Map.of("lazi.pricebook.image-service.url", SERVER.baseUrl())));
	}

	/** Declares {@code uploadId} an upload of {@code tenant}. */
	public static void upload(String tenant, UUID uploadId) {
		SERVER.stubFor(head(urlPathEqualTo("/internal/uploads/" + uploadId)).withHeader("X-Tenant-ID", equalTo(tenant))
			.withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer .+"))
			.willReturn(aResponse().withStatus(200)));
	}

	/** Makes image-service answer 500 for {@code uploadId}, whoever asks. */
	public static void failing(UUID uploadId) {
		SERVER.stubFor(head(urlPathEqualTo("/internal/uploads/" + uploadId)).willReturn(aResponse().withStatus(500)));
	}

	private static WireMockServer started() {

		var server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		server.start();
		server.stubFor(head(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()).atPriority(10)
			.willReturn(aResponse().withStatus(404)));
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "image-service-stand-in-stop"));
		return server;
	}
}
