package io.lazi.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.cloud.config.server.EnableConfigServer;
import org.springframework.cloud.config.server.config.ConfigServerAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;

import io.lazi.image.serving.ServingProperties;
import io.lazi.platform.test.SharedInfrastructure;
import io.lazi.platform.test.TestIdentityProvider;

/**
 * The Spring Cloud Config client as every service has it ({@code application.yml}): image-service
 * started against a real config server (native profile, {@code config-server/image-service.yml} in the
 * test resources) with {@code LAZI_CONFIG_ENABLED=true} takes its settings from there; with the client
 * off, as by default, nothing calls the configured server at all.
 */
class ConfigServerIntegrationTests {

	@Test
	void takesItsSettingsFromTheConfigServerWhenEnabled() {

		try (var server = configServer();
				var service = imageService("--LAZI_CONFIG_ENABLED=true", "--LAZI_CONFIG_URI=" + url(server))) {

			assertThat(service.getBean(ServingProperties.class).httpMaxAge()).isEqualTo(Duration.ofMinutes(7));
			assertThat(configServerSources(service)).isNotEmpty();
			assertThat(service.getEnvironment().getProperty("lazi.image.http-max-age")).isEqualTo("7m");
		}
	}

	@Test
	void neverCallsTheConfigServerWhenDisabled() throws IOException {

		var connections = new AtomicInteger();
		try (var listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			Thread.ofVirtual().start(() -> {
				while (!listener.isClosed()) {
					try (var socket = listener.accept()) {
						connections.incrementAndGet();
					}
					catch (SocketException ex) {
						return;
					}
					catch (IOException ex) {
						// counted already; keep listening
					}
				}
			});
			// The settings as application.yml resolves them, without any Spring bean: no server is called
			// while the environment is prepared, which is where the client would.
			try (var context = new SpringApplicationBuilder(Empty.class).resourceLoader(asInProduction())
				.web(WebApplicationType.NONE)
				.run("--LAZI_CONFIG_URI=http://127.0.0.1:" + listener.getLocalPort())) {

				assertThat(context.getEnvironment().getProperty("spring.cloud.config.enabled")).isEqualTo("false");
				assertThat(context.getEnvironment().getProperty("spring.config.import"))
					.isEqualTo("optional:configserver:http://127.0.0.1:" + listener.getLocalPort());
				assertThat(configServerSources(context)).isEmpty();
			}
		}
		assertThat(connections).hasValue(0);
	}

	private static ConfigurableApplicationContext imageService(String... args) {

		var database = SharedInfrastructure.serviceDatabase("image", List.of());
		var common = List.of("--server.port=0", "--management.server.port=0",
				"--spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafkaBootstrapServers(),
				// The shared test context consumes the topics; this one needs no listener.
				"--spring.kafka.listener.auto-startup=false", "--lazi.kafka.create-topics=false",
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(),
				"--lazi.security.issuer-uri=" + TestIdentityProvider.get().issuer(),
				"--lazi.security.client-secret=" + TestIdentityProvider.CLIENT_SECRET);
		var all = new ArrayList<>(common);
		all.addAll(List.of(args));
		return new SpringApplicationBuilder(ImageApplication.class).resourceLoader(asInProduction())
			.run(all.toArray(String[]::new));
	}

	/**
	 * The test class path as a service has it in production, without the config server's jar: that jar's
	 * environment post-processor turns every config client in the JVM off (so that a config server never
	 * asks itself), and its auto-configurations are not the service's.
	 */
	private static ResourceLoader asInProduction() {
		return new DefaultResourceLoader(new WithoutConfigServerJar(ConfigServerIntegrationTests.class.getClassLoader()));
	}

	/** A Spring Cloud Config server on a free port, serving {@code classpath:/config-server/}. */
	private static ConfigurableApplicationContext configServer() {
		return new SpringApplicationBuilder(ConfigServer.class).profiles("native")
			.run("--spring.config.name=config-server", "--server.port=0", "--spring.cloud.config.enabled=false",
					"--spring.cloud.config.server.native.search-locations=classpath:/config-server/");
	}

	private static String url(ConfigurableApplicationContext server) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) server).getWebServer().getPort();
	}

	private static List<String> configServerSources(ConfigurableApplicationContext context) {
		return context.getEnvironment()
			.getPropertySources()
			.stream()
			.filter(source -> source instanceof EnumerablePropertySource<?>)
			.map(source -> source.getName())
			.filter(name -> name.startsWith("configserver:"))
			.toList();
	}

	/**
	 * Only what a config server needs; not the service's auto-configuration, which would want a
	 * database, Kafka and an identity provider. {@code spring.config.name} keeps the service's
	 * {@code application.yml} away from it.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableConfigServer
	@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
			DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, JacksonAutoConfiguration.class,
			HttpMessageConvertersAutoConfiguration.class, ConfigServerAutoConfiguration.class })
	static class ConfigServer {
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {
	}

	/** Hides the Spring metadata ({@code META-INF/...}) of spring-cloud-config-server; loads every class as its parent. */
	private static final class WithoutConfigServerJar extends ClassLoader {

		WithoutConfigServerJar(ClassLoader parent) {
			super(parent);
		}

		@Override
		public Enumeration<URL> getResources(String name) throws IOException {

			var found = Collections.list(super.getResources(name));
			if (name.startsWith("META-INF/")) {
				found.removeIf(url -> url.toString().contains("/spring-cloud-config-server-"));
			}
			return Collections.enumeration(found);
		}
	}
}
