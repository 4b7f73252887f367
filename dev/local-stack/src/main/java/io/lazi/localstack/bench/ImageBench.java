package io.lazi.localstack.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.JsonNode;

import io.lazi.localstack.scenario.ServiceClient;
import io.lazi.localstack.scenario.SyncException;

/**
 * {@code ./lazi bench images} against a running stack ({@code ./lazi up --detach} first, same
 * {@code LAZI_RUN_DIR} and port variables): collects the pricebook's image URLs through the gateway,
 * warms them on image-service, then drives concurrent GETs (JDK HttpClient, virtual threads, loopback
 * only) for a fixed duration, first on image-service directly, then through the gateway with a VIEWER
 * token, and prints requests, throughput (req/s) and p50/p99/max latency (HdrHistogram, µs precision)
 * of each. Bounded by its {@link Settings}. Output is for a terminal.
 *
 * @param image image-service, called directly for the tenant
 * @param gateway the gateway, as a VIEWER of the same tenant
 */
public record ImageBench(ServiceClient image, ServiceClient gateway) {

	private static final long MAX_LATENCY_MICROS = Duration.ofMinutes(1).toNanos() / 1000;

	/** HTTP/1.1 on virtual threads, as a browser loads images; shared by the workers of every phase. */
	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	/**
	 * How long and how hard to drive each target.
	 *
	 * @param duration the measured time per target
	 * @param warmup the unmeasured time before it
	 * @param concurrency the concurrent clients
	 * @param urls at most this many image URLs, in tree order
	 */
	public record Settings(Duration duration, Duration warmup, int concurrency, int urls) {
	}

	/**
	 * Runs the benchmark and prints its figures to {@code out}.
	 * @return 0, or 1 when no image answers (told to {@code err})
	 * @throws SyncException when the gateway does not list the pricebook
	 */
	public int run(Settings settings, PrintWriter out, PrintWriter err) throws InterruptedException {

		var urls = imageUrls(settings.urls());
		var warm = new ArrayList<String>();
		for (var url : urls) {
			if (statusOf(image, url) == 200) {
				warm.add(url);
			}
		}
		out.printf(Locale.ROOT, "Image URLs of tenant %s: %d found, %d answer 200 on image-service (warmed)%n",
				image.tenant(), urls.size(), warm.size());
		if (warm.isEmpty()) {
			err.println("No image answers; is the pricebook synced (./lazi up) and image-service up?");
			return 1;
		}
		out.printf(Locale.ROOT, "%d concurrent clients, %s warm-up then %s measured per target, loopback%n%n",
				settings.concurrency(), settings.warmup(), settings.duration());
		out.printf(Locale.ROOT, "  %-28s %10s %10s %9s %9s %9s %7s%n", "target", "requests", "req/s", "p50 ms",
				"p99 ms", "max ms", "errors");
		measure("image-service (direct)", image, warm, settings, out);
		measure("gateway -> image-service", gateway, warm, settings, out);
		return 0;
	}

	private void measure(String name, ServiceClient target, List<String> urls, Settings settings, PrintWriter out)
			throws InterruptedException {

		phase(name, target, urls, settings.concurrency(), settings.warmup());
		report(name, phase(name, target, urls, settings.concurrency(), settings.duration()), settings.duration(), out);
	}

	private Result phase(String name, ServiceClient target, List<String> urls, int concurrency, Duration duration)
			throws InterruptedException {

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
						var ok = statusOf(target, url) == 200;
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

	private static void report(String name, Result result, Duration duration, PrintWriter out) {

		var h = result.latencies();
		out.printf(Locale.ROOT, "  %-28s %10d %10.0f %9.2f %9.2f %9.2f %7d%n", name, h.getTotalCount(),
				h.getTotalCount() / (duration.toNanos() / 1e9), h.getValueAtPercentile(50) / 1000.0,
				h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, result.errors());
	}

	/** The status of {@code GET path} on {@code target}; 0 when there is no answer. */
	private static int statusOf(ServiceClient target, String path) {

		try {
			return HTTP.send(target.request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode();
		}
		catch (IOException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	/** The {@code imageUrl}s of the tenant's active roots and their subtrees, through the gateway, in tree order. */
	private List<String> imageUrls(int max) {

		var urls = new LinkedHashSet<String>();
		var roots = gateway.fetch("/api/pricebook/categories?size=200").path("items");
		for (var root : roots) {
			collect(root, urls, max);
			if (urls.size() >= max) {
				break;
			}
			collect(gateway.fetch("/api/pricebook/categories/" + root.path("stId").asLong() + "/subcategories/tree"), urls, max);
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

	private record Result(Histogram latencies, long errors) {
	}
}
