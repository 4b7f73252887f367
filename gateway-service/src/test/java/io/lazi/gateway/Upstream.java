package io.lazi.gateway;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * A WireMock server standing in for one service the gateway routes to. It starts on a free port as soon as it is
 * built (a static field, so before Spring reads the route URLs) and, registered with {@code @RegisterExtension}, stops
 * after the test class.
 */
final class Upstream extends WireMockServer implements AfterAllCallback {

	private final String urlProperty;

	private Upstream(String urlProperty) {

		super(options().dynamicPort());
		this.urlProperty = urlProperty;
		start();
	}

	/**
	 * Starts a stand-in whose base URL {@link #publish} hands to the gateway under {@code urlProperty}, the environment
	 * variable the route reads (for example {@code LAZI_PRICEBOOK_URL}).
	 */
	static Upstream started(String urlProperty) {
		return new Upstream(urlProperty);
	}

	/** Points each upstream's route at its stand-in; call from the test class's {@code @DynamicPropertySource}. */
	static void publish(DynamicPropertyRegistry registry, Upstream... upstreams) {

		for (var upstream : upstreams) {
			registry.add(upstream.urlProperty, upstream::baseUrl);
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}
}
