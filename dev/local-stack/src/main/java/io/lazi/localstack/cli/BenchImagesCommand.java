package io.lazi.localstack.cli;

import java.io.IOException;
import java.time.Duration;

import io.lazi.localstack.StackService;
import io.lazi.localstack.bench.ImageBench;
import io.lazi.platform.events.access.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./lazi bench images}: runs the {@link ImageBench} as a VIEWER of the tenant. */
@Command(name = "images", mixinStandardHelpOptions = true,
		description = { "Memory-hit throughput and p50/p99 latency of the pricebook's image URLs, on image-service "
				+ "directly and through the gateway; bounded in time and count, loopback only." })
final class BenchImagesCommand extends BenchTarget {

	private static final Duration LONGEST_PHASE = Duration.ofMinutes(2);

	@Option(names = "--duration", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
			description = "Measured time per target, 1s-120s.")
	Duration duration;

	@Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "3s", converter = DurationConverter.class,
			description = "Unmeasured time before it, 1s-120s.")
	Duration warmup;

	@Option(names = "--concurrency", paramLabel = "N", defaultValue = "16",
			description = "Concurrent clients, 1-256.")
	int concurrency;

	@Option(names = "--urls", paramLabel = "N", defaultValue = "200",
			description = "Image URLs to cycle through, 1-5000.")
	int urls;

	@Override
	public Integer call() throws IOException, InterruptedException {

		var settings = new ImageBench.Settings(
				within("--duration", duration, Duration.ofSeconds(1), LONGEST_PHASE),
				within("--warmup", warmup, Duration.ofSeconds(1), LONGEST_PHASE),
				within("--concurrency", concurrency, 1, 256), within("--urls", urls, 1, 5000));
		var token = token(Role.VIEWER);
		if (token.isEmpty()) {
			return 1;
		}
		return new ImageBench(direct(StackService.IMAGE, token.get()), gateway(token.get())).run(settings, out(), err());
	}
}
