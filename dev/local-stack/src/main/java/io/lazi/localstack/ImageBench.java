package io.lazi.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./lazi bench images [--duration 10s] [--warmup 3s] [--concurrency 16] [--urls 200] [--tenant T]}
 * against a running stack ({@code ./lazi up --detach} first, same {@code LAZI_RUN_DIR} and port
 * variables): collects the pricebook's image URLs through the gateway, warms them on image-service,
 * then drives concurrent GETs (JDK HttpClient, virtual threads, loopback only) for a fixed duration,
 * first on image-service directly, then through the gateway with a VIEWER token, and prints requests,
 * throughput (req/s) and p50/p99/max latency (HdrHistogram, µs precision) of each. Bounded: at most
 * 120 s per phase, 256 workers, 5,000 URLs. Output is for a terminal.
 */
final class ImageBench {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final long MAX_LATENCY_MICROS = Duration.ofMinutes(1).toNanos() / 1000;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	private final StackPorts ports;

	private final String tenant;

	private final String token;

	private final PrintStream out;

	ImageBench(StackPorts ports, String tenant, String token, PrintStream out) {
		this.ports = ports;
		this.tenant = tenant;
		this.token = token;
		this.out = out;
	}

	static int run(CliArgs args, StackLayout layout, Map<String, String> env, PrintStream out, PrintStream err)
			throws IOException, InterruptedException {

		args.allowOnly("duration", "warmup", "concurrency", "urls", "tenant");
		var duration = bounded(CliArgs.duration(args.value("duration", "10s")), "duration");
		var warmup = bounded(CliArgs.duration(args.value("warmup", "3s")), "warmup");
		var concurrency = number(args.value("concurrency", "16"), "concurrency", 256);
		var maxUrls = number(args.value("urls", "200"), "urls", 5000);
		var tenant = args.value("tenant", env.getOrDefault("LAZI_ST_TENANT_ID", LocalStack.REFERENCE_TENANT));
		var secret = SecretFile.read(layout.secretFile());
		if (secret.isEmpty()) {
			err.println("No stack in " + layout.runDirectory() + ": start one with ./lazi up --detach first.");
			return 1;
		}
		var token = DevTokens.mint(secret.get(), "lazi-bench", List.of(tenant), List.of("VIEWER"), Duration.ofHours(1));
		var bench = new ImageBench(StackPorts.fromEnvironment(env), tenant, token, out);
		return bench.run(duration, warmup, concurrency, maxUrls, err);
	}

	private int run(Duration duration, Duration warmup, int concurrency, int maxUrls, PrintStream err)
			throws IOException, InterruptedException {

		var urls = imageUrls(maxUrls);
		var image = StackService.IMAGE.baseUrl(ports);
		var gateway = StackService.GATEWAY.baseUrl(ports);
		var warm = new ArrayList<String>();
		for (var url : urls) {
			if (send(image + url, false).statusCode() == 200) {
				warm.add(url);
			}
		}
		out.printf(Locale.ROOT, "Image URLs of tenant %s: %d found, %d answer 200 on image-service (warmed)%n", tenant,
				urls.size(), warm.size());
		if (warm.isEmpty()) {
			err.println("No image answers; is the pricebook synced (./lazi up) and image-service up?");
			return 1;
		}
		out.printf(Locale.ROOT, "%d concurrent clients, %s warm-up then %s measured per target, loopback%n%n",
				concurrency, warmup, duration);
		out.printf(Locale.ROOT, "  %-28s %10s %10s %9s %9s %9s %7s%n", "target", "requests", "req/s", "p50 ms",
				"p99 ms", "max ms", "errors");
		phase("image-service (direct)", image, false, warm, concurrency, warmup);
		report("image-service (direct)", phase("image-service (direct)", image, false, warm, concurrency, duration),
				duration);
		phase("gateway", gateway, true, warm, concurrency, warmup);
		report("gateway -> image-service", phase("gateway", gateway, true, warm, concurrency, duration), duration);
		return 0;
	}

	private Result phase(String name, String base, boolean viaGateway, List<String> urls, int concurrency,
			Duration duration) throws InterruptedException {

		var deadline = System.nanoTime() + duration.toNanos();
		var errors = new AtomicLong();
		var next = new AtomicLong();
		var histograms = new ArrayList<Future<Histogram>>();
		try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < concurrency; i++) {
				histograms.add(workers.submit(() -> {
					var histogram = new Histogram(MAX_LATENCY_MICROS, 3);
					while (System.nanoTime() < deadline) {
						var url = urls.get((int) (next.getAndIncrement() % urls.size()));
						var began = System.nanoTime();
						var ok = trySend(base + url, viaGateway);
						histogram.recordValue(Math.min(MAX_LATENCY_MICROS, (System.nanoTime() - began) / 1000));
						if (!ok) {
							errors.incrementAndGet();
						}
					}
					return histogram;
				}));
			}
		}
		var total = new Histogram(MAX_LATENCY_MICROS, 3);
		for (var histogram : histograms) {
			try {
				total.add(histogram.get());
			}
			catch (java.util.concurrent.ExecutionException ex) {
				throw new IllegalStateException(name + " worker failed: " + ex.getCause(), ex.getCause());
			}
		}
		return new Result(total, errors.get());
	}

	private void report(String name, Result result, Duration duration) {

		var h = result.latencies();
		out.printf(Locale.ROOT, "  %-28s %10d %10.0f %9.2f %9.2f %9.2f %7d%n", name, h.getTotalCount(),
				h.getTotalCount() / (duration.toNanos() / 1e9), h.getValueAtPercentile(50) / 1000.0,
				h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, result.errors());
	}

	private boolean trySend(String url, boolean viaGateway) {
		try {
			return send(url, viaGateway).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private HttpResponse<byte[]> send(String url, boolean viaGateway) throws IOException, InterruptedException {

		var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("X-Tenant-ID", tenant);
		if (viaGateway) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** The {@code imageUrl}s of the tenant's active roots and their subtrees, through the gateway, in tree order. */
	private List<String> imageUrls(int max) throws IOException, InterruptedException {

		var urls = new LinkedHashSet<String>();
		var roots = api("/api/pricebook/categories?size=200").path("items");
		for (var root : roots) {
			collect(root, urls, max);
			if (urls.size() >= max) {
				break;
			}
			collect(api("/api/pricebook/categories/" + root.path("stId").asLong() + "/subcategories/tree"), urls, max);
		}
		return List.copyOf(urls);
	}

	private static void collect(JsonNode node, LinkedHashSet<String> urls, int max) {

		var url = node.path("imageUrl");
		if (url.isTextual() && urls.size() < max) {
			urls.add(url.asText());
		}
		for (var child : node.path("children")) {
			collect(child, urls, max);
		}
	}

	/** GET through the gateway, waiting out its per-tenant API rate limit (429 with Retry-After). */
	private JsonNode api(String path) throws IOException, InterruptedException {

		for (int attempt = 0; attempt < 20; attempt++) {
			var response = send(StackService.GATEWAY.baseUrl(ports) + path, true);
			if (response.statusCode() == 200) {
				return JSON.readTree(response.body());
			}
			if (response.statusCode() != 429) {
				throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
			}
			var wait = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
			Thread.sleep(Duration.ofSeconds(Math.max(1, wait)));
		}
		throw new IllegalStateException("GET " + path + " stayed rate limited");
	}

	private static Duration bounded(Duration value, String option) {

		if (value.isNegative() || value.isZero() || value.compareTo(Duration.ofMinutes(2)) > 0) {
			throw new IllegalArgumentException("--" + option + " must be between 1s and 120s");
		}
		return value;
	}

	private static int number(String value, String option, int max) {

		try {
			var n = Integer.parseInt(value);
			if (n < 1 || n > max) {
				throw new NumberFormatException();
			}
			return n;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + option + " must be a number between 1 and " + max);
		}
	}

	private record Result(Histogram latencies, long errors) {
	}
}
