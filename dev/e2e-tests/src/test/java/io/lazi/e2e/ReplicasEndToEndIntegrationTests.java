package io.lazi.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static io.lazi.e2e.ReferenceFigures.depthCounts;
import static io.lazi.e2e.ReferenceFigures.stageCounts;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.lazi.localstack.LocalStack;
import io.lazi.localstack.ServiceInstance;
import io.lazi.localstack.StackService;
import tools.jackson.databind.JsonNode;

/**
 * The reference syncs with two instances of every service, as {@code ./lazi up --replicas 2} runs them
 * (the platform every end-to-end class shares): triggered and read through the second gateway, they give
 * the published figures; every instance took its share (HTTP requests balanced by the gateways, Kafka
 * partitions split within each service's consumer group); and a browser connected through either
 * gateway, to either notification-service instance, gets its tenant's events exactly once. Then (on the
 * tree the first test synced) an image pushed for a category reaches the memory cache of both
 * image-service instances, not only of the one that consumed the change.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasEndToEndIntegrationTests extends EndToEndTest {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** Kafka listeners whose topics are keyed per entity, so both instances of the service get records. */
	private static final Map<StackService, String> SPLIT_LISTENERS = Map.of(StackService.PRICEBOOK,
			"pricebook-raw-categories", StackService.CRM_PIPELINE, "crm-raw-records", StackService.IMAGE,
			"image-pricebook-changed");

	/** A read of each service behind the gateway, to see the gateways balance over its instances. */
	private static final Map<StackService, String> READS = Map.of(StackService.ST_INGEST, "/api/sync/pricebook/status",
			StackService.PRICEBOOK, "/api/pricebook/categories/stats", StackService.CRM_PIPELINE, "/api/crm/sync/stats");

	@Test
	@Order(1)
	void referenceSyncsThroughTheSecondGatewayComeOutRightAndReachEverySocketOnce() throws Exception {

		var instances = platform.instances();
		for (var service : LocalStack.SERVICES) {
			assertThat(instances.of(service)).as(service.module()).hasSize(E2ePlatform.REPLICAS);
		}
		var gateways = instances.of(StackService.GATEWAY);
		var second = new Gateway(gateways.get(1).baseUrl());
		var admin = token(TENANT, "ADMIN");
		var requestsBefore = requestCounts();

		var sockets = new LinkedHashMap<String, BrowserSocket>();
		try {
			// Two sockets through each gateway: its round robin puts them on both notification instances.
			for (var gateway : gateways) {
				for (var n = 1; n <= 2; n++) {
					sockets.put(gateway.name() + " socket " + n,
							new BrowserSocket(gateway.baseUrl().replaceFirst("^http", "ws"), admin, TENANT));
				}
			}
			for (var notification : instances.of(StackService.NOTIFICATION)) {
				await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
						metric(notification, "lazi_notification_sessions", "tenant=\"" + TENANT + "\""))
					.as(notification.name() + " sessions of the tenant")
					.isGreaterThanOrEqualTo(1));
			}

			var accepted = second.post("/api/sync/pricebook/full", admin, TENANT);
			assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
			var runId = accepted.json().path("syncRunId").asString();
			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
				.until(() -> sockets.values()
					.stream()
					.allMatch(socket -> !forRun(socket.named("pricebook:categories:synced"), runId).isEmpty()));

			sockets.forEach((name, socket) -> {
				assertThat(forRun(socket.named("sync:started"), runId)).as(name).hasSize(1);
				var completed = forRun(socket.named("sync:completed"), runId);
				assertThat(completed).as(name).hasSize(1);
				assertThat(completed.getFirst().path("data").path("subcategoryCount").asInt()).as(name).isEqualTo(2_023);
			});
			for (var gateway : List.of(second, platform.gateway())) {
				var stats = gateway.get("/api/pricebook/categories/stats", admin, TENANT);
				assertThat(stats.status()).as(stats.body()).isEqualTo(200);
				assertThat(stats.json().path("roots").asInt()).isEqualTo(27);
				assertThat(stats.json().path("subcategories").asInt()).isEqualTo(2_023);
				assertThat(depthCounts(stats.json())).containsExactly(Map.entry(1, 209), Map.entry(2, 650),
						Map.entry(3, 681), Map.entry(4, 264), Map.entry(5, 123), Map.entry(6, 49), Map.entry(7, 39),
						Map.entry(8, 8));
			}

			var crm = second.post("/api/crm/sync/trigger", admin, TENANT);
			assertThat(crm.status()).as(crm.body()).isEqualTo(202);
			var crmRunId = crm.json().path("syncRunId").asString();
			var crmStats = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
				.until(() -> second.get("/api/crm/sync/stats", admin, TENANT),
						r -> r.status() == 200 && r.json().path("contacts").asInt() == 450
								&& r.json().path("opportunities").asInt() == 91
								&& stageCounts(r.json()).equals(REFERENCE_STAGES))
				.json();
			assertThat(stageCounts(crmStats)).containsExactlyInAnyOrderEntriesOf(REFERENCE_STAGES);
			// Every socket gets the same events, whichever gateway and notification instance it is on, each once
			// (stage moves only when this is the platform's first CRM sync: the end-to-end classes share it).
			await().atMost(Duration.ofSeconds(30))
				.until(() -> sockets.values().stream().allMatch(socket -> !forRun(socket.named("sync:completed"), crmRunId).isEmpty())
						&& sockets.values().stream().map(socket -> new HashSet<>(eventIds(socket))).distinct().count() == 1);
			sockets.forEach((name, socket) -> {
				assertThat(forRun(socket.named("sync:started"), crmRunId)).as(name).hasSize(1);
				assertThat(forRun(socket.named("sync:completed"), crmRunId)).as(name).hasSize(1);
				assertThat(eventIds(socket)).as(name + " event ids").isNotEmpty().doesNotHaveDuplicates();
			});
		}
		finally {
			sockets.values().forEach(BrowserSocket::close);
		}

		// Since the platform started: a sync that changes nothing publishes no pricebook.changed, so
		// image-service's share comes from whichever class synced the tree first (this one, if it ran first).
		var listened = listenerCounts();
		SPLIT_LISTENERS.forEach((service, listener) -> instances.of(service)
			.forEach(instance -> assertThat(listened.get(instance)).as(instance.name() + " records of " + listener)
				.isPositive()));
		// Two reads of each service through each gateway: its round robin sends them to both instances.
		for (var gateway : List.of(platform.gateway(), second)) {
			for (var read : READS.values()) {
				for (var n = 0; n < E2ePlatform.REPLICAS; n++) {
					assertThat(gateway.get(read, admin, TENANT).status()).as(read).isEqualTo(200);
				}
			}
		}
		var requests = requestCounts();
		READS.keySet().forEach(service -> instances.of(service)
			.forEach(instance -> assertThat(requests.get(instance) - requestsBefore.get(instance))
				.as(instance.name() + " HTTP requests")
				.isPositive()));
	}

	@Test
	@Order(2)
	void aPushedCategoryImageReplacesTheCachedImageOnEveryImageInstance() throws Exception {

		var admin = token(TENANT, "ADMIN");
		awaitReferenceTree(admin);
		var node = subcategoryWithImage(admin);
		var path = "/images/db/subcategories/" + node.path("stId").asLong();
		var images = platform.instances().of(StackService.IMAGE);
		var png = png();
		// Each instance loads ServiceTitan's image into its own memory.
		for (var instance : images) {
			var response = image(instance, path, admin);
			assertThat(response.statusCode()).as(instance.name() + " " + path).isEqualTo(200);
			assertThat(response.body()).as(instance.name() + " " + path).isNotEmpty().isNotEqualTo(png);
		}

		var upload = gateway.upload("/images/uploads", admin, TENANT, "replaced.png", "image/png", png);
		assertThat(upload.status()).as(upload.body()).isEqualTo(201);
		var override = gateway.post("/api/pricebook/categories/subcategories/" + node.path("stId").asLong() + "/override",
				admin, TENANT, """
						{"imageUploadId": "%s"}""".formatted(upload.json().path("id").asString()));
		assertThat(override.status()).as(override.body()).isEqualTo(200);
		var push = gateway.post("/api/pricebook/categories/push", admin, TENANT);
		assertThat(push.status()).as(push.body()).isEqualTo(202);

		// ServiceTitan's copy of the upload, whichever image-service instance is asked: one of them consumed the
		// change, and the other must not keep serving the old bytes from memory (for up to lazi.image.cache.max-age).
		var pushed = Map.of(images.get(0).name(), sha256(png), images.get(1).name(), sha256(png));
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			var served = new LinkedHashMap<String, String>();
			for (var instance : images) {
				var response = image(instance, path, admin);
				served.put(instance.name(), response.statusCode() == 200 ? sha256(response.body()) : "HTTP " + response.statusCode());
			}
			assertThat(served).as("SHA-256 of " + path + " by instance").isEqualTo(pushed);
		});
	}

	/** The reference tree, synced by the first test (or now, when this one runs alone). */
	private static void awaitReferenceTree(String admin) {

		if (gateway.get("/api/pricebook/categories/stats", admin, TENANT).json().path("subcategories").asInt() < 2_023) {
			var run = gateway.post("/api/sync/pricebook/full", admin, TENANT);
			assertThat(run.status()).as(run.body()).isIn(202, 409);
			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> gateway
				.get("/api/pricebook/categories/stats", admin, TENANT).json().path("subcategories").asInt() == 2_023);
		}
	}

	/**
	 * An active subcategory with a ServiceTitan image and no local change, from the last roots (the push
	 * tests take theirs from the first).
	 */
	private static JsonNode subcategoryWithImage(String admin) {

		var roots = gateway.get("/api/pricebook/categories?size=100", admin, TENANT).json().path("items").valueStream().toList();
		for (var root : roots.reversed()) {
			var flat = gateway.get("/api/pricebook/categories/" + root.path("stId").asLong() + "/subcategories/flat?size=200",
					admin, TENANT).json();
			for (var node : flat.path("items")) {
				if (node.path("active").asBoolean() && !node.path("pending").asBoolean() && node.path("conflictId").isNull()
						&& node.path("imageUrl").isString()
						&& node.path("imageUrl").stringValue().startsWith("/images/db/subcategories/")) {
					return node;
				}
			}
		}
		throw new IllegalStateException("No unchanged subcategory with an image");
	}

	/** {@code path} straight from one image-service instance, as the gateway would ask it for the user. */
	private static HttpResponse<byte[]> image(ServiceInstance instance, String path, String token) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("X-Tenant-ID", TENANT)
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	/** A PNG no other test uploads. */
	private static byte[] png() throws Exception {

		var image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		image.setRGB(5, 2, 0x3cb371);
		var bytes = new ByteArrayOutputStream();
		ImageIO.write(image, "png", bytes);
		return bytes.toByteArray();
	}

	private static final Map<String, Integer> REFERENCE_STAGES = Map.of("Sales/Contacted", 37, "Sales/Proposal Sent", 38,
			"Install", 16);

	/** The ids of the reference tenant's events the socket received, in order. */
	private static List<String> eventIds(BrowserSocket socket) {
		return socket.messages()
			.stream()
			.filter(m -> TENANT.equals(m.path("data").path("tenantId").asString()))
			.map(m -> m.path("id").asString())
			.toList();
	}

	/** Records each instance's split listener has handled since it started. */
	private static Map<ServiceInstance, Double> listenerCounts() throws Exception {

		var counts = new LinkedHashMap<ServiceInstance, Double>();
		for (var entry : SPLIT_LISTENERS.entrySet()) {
			for (var instance : platform.instances().of(entry.getKey())) {
				// crm-pipeline's raw records go to a batch listener, which Spring Kafka does not observe.
				counts.put(instance, entry.getKey() == StackService.CRM_PIPELINE
						? metric(instance, "lazi_crm_raw_records_total", "")
						: metric(instance, "spring_kafka_listener_seconds_count",
								"spring_kafka_listener_id=\"" + entry.getValue()));
			}
		}
		return counts;
	}

	/** API requests each instance of the services of {@link #READS} has answered so far. */
	private static Map<ServiceInstance, Double> requestCounts() throws Exception {

		var instances = READS.keySet().stream().flatMap(service -> platform.instances().of(service).stream()).toList();
		var counts = new LinkedHashMap<ServiceInstance, Double>();
		for (var instance : instances) {
			// API requests only: the management port's own (these scrapes) count in the same metric.
			counts.put(instance, metric(instance, "http_server_requests_seconds_count", "uri=\"/api/"));
		}
		return counts;
	}

	/**
	 * The sum of the Prometheus samples of {@code metric} whose labels contain {@code labels}, from the
	 * instance's management port (open to anyone there, reached by no route).
	 */
	private static double metric(ServiceInstance instance, String metric, String labels) throws Exception {

		var response = HTTP.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + instance.managementPort() + "/actuator/prometheus"))
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(instance.name() + " metrics").isEqualTo(200);
		return response.body()
			.lines()
			.filter(line -> line.startsWith(metric + "{") && line.contains(labels))
			.collect(Collectors.summingDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))));
	}

	private static List<JsonNode> forRun(List<JsonNode> messages, String runId) {
		return messages.stream().filter(m -> runId.equals(m.path("data").path("syncRunId").asString())).toList();
	}
}
