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
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.JsonNode;

import io.lazi.localstack.scenario.ServiceClient;

/**
 * {@code ./lazi bench gateway} against a running stack: what the gateway costs on two routes a browser uses all
 * the time, the pricebook's image URLs (image-service's memory hits) and a pricebook JSON read (one category by
 * id), each called on its service directly and through the gateway with the same VIEWER token. Per route and
 * target: throughput at {@code concurrency} clients, then p50 at one client; then the gateway's own cost, the
 * throughput of requests it refuses with 401 (no token) before any routing. JDK HttpClient on virtual threads,
 * HTTP/1.1, loopback only, latencies in an HdrHistogram (µs precision). Bounded by its {@link Settings}.
 *
 * @param image image-service, called directly for the tenant
 * @param pricebook pricebook-service, called directly for the tenant
 * @param gateway the gateway, as a VIEWER of the same tenant
 * @param refused the gateway with no token
 * @param gatewayProcess the gateway's process, whose CPU time per request this reads when known
 */
public record GatewayBench(ServiceClient image, ServiceClient pricebook, ServiceClient gateway, ServiceClient refused,
		Optional<ProcessHandle> gatewayProcess) {

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
	 * @param duration the measured time per target and concurrency
	 * @param warmup the unmeasured time before it
	 * @param concurrency the concurrent clients of the throughput phase
	 * @param urls at most this many URLs per route, in tree order
	 */
	public record Settings(Duration duration, Duration warmup, int concurrency, int urls) {
	}

	/**
	 * The figures of one route: direct and through the gateway.
	 *
	 * @param route its name
	 * @param direct the service called directly
	 * @param viaGateway the same through the gateway
	 */
	public record RouteFigures(String route, Figures direct, Figures viaGateway) {

		/** Gateway throughput as a share of direct, 0..1. */
		public double share() {
			return viaGateway.throughput() / direct.throughput();
		}

		/** What the gateway adds to the median at one client, ms. */
		public double addedP50Millis() {
			return viaGateway.p50OneClientMillis() - direct.p50OneClientMillis();
		}
	}

	/**
	 * @param throughput requests per second at {@code concurrency} clients
	 * @param p99Millis their p99, ms
	 * @param p50OneClientMillis the median at one client, ms
	 * @param errors answers other than the expected status, both phases
	 * @param gatewayCpuMicros the gateway's CPU time (user and system) per request at {@code concurrency} clients,
	 *        µs; {@code NaN} when not through the gateway or its process is unknown
	 */
	public record Figures(double throughput, double p99Millis, double p50OneClientMillis, long errors,
			double gatewayCpuMicros) {
	}

	/**
	 * Everything measured.
	 *
	 * @param routes the image route and the pricebook JSON route
	 * @param refused401 requests the gateway refuses with 401 (no token), at {@code concurrency} clients
	 */
	public record Result(List<RouteFigures> routes, Figures refused401) {

		/** How many refused requests cost the gateway's CPU what one proxied image request does; NaN if unknown. */
		public double refusedPerProxied() {
			return routes.getFirst().viaGateway().gatewayCpuMicros() / refused401.gatewayCpuMicros();
		}
	}

	/**
	 * Runs the benchmark and prints its figures to {@code out}.
	 * @return the figures, or {@code null} when a route has nothing that answers (told to {@code err})
	 */
	public Result run(Settings settings, PrintWriter out, PrintWriter err) throws InterruptedException {

		var tree = tree(settings.urls());
		var images = answering(image, tree.images(), 200);
		var categories = answering(pricebook, tree.categories(), 200);
		out.printf(Locale.ROOT, "Tenant %s: %d image URLs answer 200 on image-service (now warm), %d categories on "
				+ "pricebook-service%n", image.tenant(), images.size(), categories.size());
		if (images.isEmpty() || categories.isEmpty()) {
			err.println("Nothing to measure; is the pricebook synced (./lazi up) and every service up?");
			return null;
		}
		out.printf(Locale.ROOT, "%d concurrent clients, then 1; %s warm-up then %s measured per phase, loopback%n%n",
				settings.concurrency(), settings.warmup(), settings.duration());
		out.printf(Locale.ROOT, "  %-34s %10s %9s %9s %13s %9s %7s%n", "target", "req/s", "p50 ms", "p99 ms",
				"p50 1 client", "gw CPU µs", "errors");
		var routes = List.of(
				new RouteFigures("image memory hit",
						measure("image-service (direct)", image, false, images, 200, settings, out),
						measure("gateway -> image-service", gateway, true, images, 200, settings, out)),
				new RouteFigures("pricebook category JSON",
						measure("pricebook-service (direct)", pricebook, false, categories, 200, settings, out),
						measure("gateway -> pricebook-service", gateway, true, categories, 200, settings, out)));
		var unauthorized = measure("gateway, refused 401 (no token)", refused, true, categories, 401, settings, out);
		out.println();
		for (var route : routes) {
			out.printf(Locale.ROOT, "  %-24s gateway %.0f %% of direct throughput (target >= 40 %%), adds %.2f ms to the "
					+ "p50 at one client (target <= 0.5)%n", route.route(), 100 * route.share(), route.addedP50Millis());
		}
		var limited = routes.stream().mapToLong(route -> route.viaGateway().errors()).sum();
		if (limited > 0) {
			out.printf(Locale.ROOT, "  %d requests through the gateway did not answer 200: if 429, the tenant's budget (%s, 50/s "
					+ "unless set) bounded them; start the stack with LAZI_GATEWAY_RATE_LIMIT=1000000 to measure the gateway%n",
					limited, "LAZI_GATEWAY_RATE_LIMIT");
		}
		var result = new Result(routes, unauthorized);
		out.printf(Locale.ROOT, "  a refused request costs the gateway 1/%.1f of the CPU of a proxied image request (target <= 1/10)%n",
				result.refusedPerProxied());
		return result;
	}

	/** Warm-up, then throughput at {@code concurrency} clients, then (for 200s) the median at one client. */
	private Figures measure(String name, ServiceClient target, boolean viaGateway, List<String> urls, int status,
			Settings settings, PrintWriter out) throws InterruptedException {

		phase(target, urls, status, settings.concurrency(), settings.warmup());
		var cpuBefore = viaGateway ? gatewayCpu() : Optional.<Duration>empty();
		var loaded = phase(target, urls, status, settings.concurrency(), settings.duration());
		var cpuAfter = viaGateway ? gatewayCpu() : Optional.<Duration>empty();
		var single = status == 200 ? phase(target, urls, status, 1, settings.duration()) : null;
		var figures = new Figures(loaded.latencies().getTotalCount() / seconds(settings.duration()),
				millis(loaded.latencies(), 99), single == null ? Double.NaN : millis(single.latencies(), 50),
				loaded.errors() + (single == null ? 0 : single.errors()),
				cpuBefore.isEmpty() || cpuAfter.isEmpty() ? Double.NaN
						: cpuAfter.get().minus(cpuBefore.get()).toNanos() / 1000.0
								/ Math.max(1, loaded.latencies().getTotalCount()));
		out.printf(Locale.ROOT, "  %-34s %10.0f %9.2f %9.2f %13s %9s %7d%n", name, figures.throughput(),
				millis(loaded.latencies(), 50), figures.p99Millis(),
				single == null ? "" : String.format(Locale.ROOT, "%.2f", figures.p50OneClientMillis()),
				Double.isNaN(figures.gatewayCpuMicros()) ? "" : String.format(Locale.ROOT, "%.0f", figures.gatewayCpuMicros()),
				figures.errors());
		return figures;
	}

	/** The gateway's CPU time so far, when its process is known. */
	private Optional<Duration> gatewayCpu() {
		return gatewayProcess.filter(ProcessHandle::isAlive).flatMap(process -> process.info().totalCpuDuration());
	}

	private Phase phase(ServiceClient target, List<String> urls, int status, int concurrency, Duration duration)
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
						var ok = statusOf(target, url) == status;
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
				throw new IllegalStateException("A benchmark worker failed: " + ex.getCause(), ex.getCause());
			}
		}
		return new Phase(total, errors.get());
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

	private static double millis(Histogram histogram, double percentile) {
		return histogram.getValueAtPercentile(percentile) / 1000.0;
	}

	/** The paths of {@code paths} that answer {@code status} on {@code target} (which warms them). */
	private static List<String> answering(ServiceClient target, List<String> paths, int status) {
		return paths.stream().filter(path -> statusOf(target, path) == status).toList();
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

	/** Up to {@code max} image URLs and category paths of the tenant's active roots and subtrees, through the gateway. */
	private Tree tree(int max) {

		var images = new LinkedHashSet<String>();
		var categories = new LinkedHashSet<String>();
		for (var root : gateway.fetch("/api/pricebook/categories?size=200").path("items")) {
			if (images.size() >= max && categories.size() >= max) {
				break;
			}
			collect(gateway.fetch("/api/pricebook/categories/" + root.path("stId").asLong() + "/subcategories/tree"),
					images, categories, max);
		}
		return new Tree(List.copyOf(images), List.copyOf(categories));
	}

	private static void collect(JsonNode node, LinkedHashSet<String> images, LinkedHashSet<String> categories, int max) {

		var url = node.path("imageUrl");
		if (url.isTextual() && images.size() < max) {
			images.add(url.asText());
		}
		if (node.path("stId").canConvertToLong() && categories.size() < max) {
			categories.add("/api/pricebook/categories/" + node.path("stId").asLong());
		}
		for (var child : node.path("children")) {
			collect(child, images, categories, max);
		}
	}

	private record Tree(List<String> images, List<String> categories) {
	}

	private record Phase(Histogram latencies, long errors) {
	}
}
