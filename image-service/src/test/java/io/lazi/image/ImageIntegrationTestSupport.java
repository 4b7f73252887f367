package io.lazi.image;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.lazi.platform.events.CategoryChanged;
import io.lazi.platform.events.EventType;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.platform.test.PrometheusScrape;
import io.lazi.platform.test.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * One image-service context for the integration tests (real Kafka and PostgreSQL from platform-test)
 * with WireMock on a random port standing in for st-ingest's internal image endpoint (ServiceTitan)
 * and for a CDN host. The CDN proxy allows {@code localhost} over http with loopback allowed, plus
 * the literal and fake names the refusal tests use.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lazi.image.st-proxy.scheme=http", "lazi.image.st-proxy.allow-http=true",
				"lazi.image.st-proxy.allow-loopback=true", "lazi.image.st-proxy.timeout=3s",
				"lazi.image.upload.max-size=64KB", "spring.servlet.multipart.max-file-size=64KB",
				"spring.servlet.multipart.max-request-size=1MB", "lazi.image.prefetch.concurrency=2",
				"logging.level.org.apache.kafka=warn", "logging.level.kafka=warn", "logging.level.io.zonky=warn" })
public abstract class ImageIntegrationTestSupport {

	/** Id of the listener that keeps the memory cache of this instance in step with {@code pricebook.changed}. */
	protected static final String MEMORY_CACHE_LISTENER = "image-cache-evictions";

	protected static final WireMockServer UPSTREAM = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		UPSTREAM.start();
		Runtime.getRuntime().addShutdownHook(new Thread(UPSTREAM::stop));
	}

	@LocalServerPort
	protected int port;

	@Value("${local.management.port}")
	private int managementPort;

	@Autowired
	private KafkaTemplate<String, byte[]> kafka;

	@Autowired
	private JsonMapper json;

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	@DynamicPropertySource
	static void upstream(DynamicPropertyRegistry registry) {
		registry.add("lazi.image.st-ingest.url", UPSTREAM::baseUrl);
		registry.add("lazi.image.st-proxy.allowed-hosts",
				() -> "localhost,127.0.0.1,10.1.2.3,169.254.169.254,private.example,other.example");
		registry.add("lazi.image.st-proxy.allowed-ports", () -> "80," + UPSTREAM.port());
	}

	/**
	 * Waits until the memory cache follows {@code pricebook.changed}: its listener drops the whole cache when
	 * its partitions are assigned, which would otherwise happen in the middle of some test.
	 */
	@BeforeEach
	void awaitMemoryCacheListener() {

		var container = listeners.getListenerContainer(MEMORY_CACHE_LISTENER);
		await().atMost(Duration.ofSeconds(30)).until(() -> container != null && container.getAssignedPartitions() != null
				&& !container.getAssignedPartitions().isEmpty());
	}

	/** What Prometheus scrapes now from {@code /actuator/prometheus} on the management port. */
	protected PrometheusScrape metrics() {
		return PrometheusScrape.fetch(managementPort);
	}

	/** A fresh numeric tenant id, so tests sharing the database never see each other's rows. */
	protected static String newTenant() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));
	}

	/** Publishes a {@code pricebook.changed} updated event of one node; returns its id. */
	protected UUID publishNode(String tenant, long stId, int depth, @Nullable String imagePath) {
		return publishNode(Events.PRICEBOOK_CATEGORY_UPDATED, tenant, stId, depth, imagePath);
	}

	/** Publishes a {@code pricebook.changed} event of {@code type} of one node; returns its id. */
	protected UUID publishNode(EventType<CategoryChanged> type, String tenant, long stId, int depth,
			@Nullable String imagePath) {

		var codec = pricebookCodec();
		var payload = new CategoryChanged(tenant, stId, depth == 0 ? null : 1L, depth, Long.toString(stId),
				"Node " + stId, imagePath, 1, true, List.of("image"));
		var id = UUID.randomUUID();
		kafka.send(codec.toRecord(id, OffsetDateTime.now(ZoneOffset.UTC), Topics.PRICEBOOK_CHANGED,
				tenant + ":" + stId, type.name(), Long.toString(stId), tenant,
				codec.serialize(payload))).join();
		return id;
	}

	/** Publishes a record as pricebook-service would, whatever it holds. */
	protected void publish(ProducerRecord<String, byte[]> record) {
		kafka.send(record).join();
	}

	/** CloudEvents as pricebook-service writes them ({@code ce_source} {@code /lazi/pricebook-service}). */
	protected CloudEventCodec pricebookCodec() {
		return new CloudEventCodec(json, URI.create("/lazi/pricebook-service"));
	}

	/** GET as an OWNER of {@code tenant} (without {@code X-Tenant-ID} and with a token of no tenant when null). */
	protected HttpResponse<byte[]> get(String path, @Nullable String tenant, String... headers) {

		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		request.header("Authorization", "Bearer " + owner(tenant));
		if (tenant != null) {
			request.header("X-Tenant-ID", tenant);
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	/** A valid OWNER token of the stand-in identity provider for {@code tenant}, or for no tenant. */
	protected static String owner(@Nullable String tenant) {
		return tenant == null ? TestTokens.user(TestTokens.USER, List.of(), List.of("OWNER")).sign()
				: TestTokens.user(tenant, "OWNER");
	}

	protected HttpResponse<byte[]> send(HttpRequest request) {

		try (var http = HttpClient.newHttpClient()) {
			return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	protected static String text(HttpResponse<byte[]> response) {
		return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
	}
}
