package io.lazi.platform.test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * What the services' throughput benchmarks share ({@code *Benchmark} classes, which {@code ./lazi bench crm} and
 * {@code ./lazi bench pricebook} run): timing how fast a listener applies a backlog of records, and appending
 * the figures to {@code docs/benchmarks.md}.
 */
public final class BacklogBenchmark {

	private BacklogBenchmark() {
	}

	/**
	 * How long sending took and how long applying took, nanoseconds.
	 *
	 * @param sendNanos from the first send until every record was acknowledged
	 * @param applyNanos from resuming the listener until {@code applied} held
	 */
	public record Timing(long sendNanos, long applyNanos) {

		/** {@link #applyNanos()} in seconds. */
		public double applySeconds() {
			return applyNanos / 1e9;
		}
	}

	/**
	 * Sends {@code records} while {@code listener} is paused (it keeps its partitions), then resumes it and waits,
	 * polling every 50 ms, until {@code applied} holds: the clock times applying a backlog (such as a tenant's first
	 * full sync), not this JVM's producer sharing the cores with it.
	 *
	 * @throws TimeoutException when the listener gets no partitions or does not pause within a minute, the sends
	 *         take over 5 minutes, or {@code applied} does not hold within {@code timeout}
	 */
	public static Timing applyBacklog(MessageListenerContainer listener, KafkaTemplate<String, byte[]> kafka,
			List<ProducerRecord<String, byte[]>> records, BooleanSupplier applied, Duration timeout)
			throws InterruptedException, ExecutionException, TimeoutException {

		awaitTrue(() -> listener.getAssignedPartitions() != null && !listener.getAssignedPartitions().isEmpty(),
				Duration.ofMinutes(1), "the listener got no partitions");
		listener.pause();
		awaitTrue(listener::isContainerPaused, Duration.ofMinutes(1), "the listener did not pause");

		var sendStart = System.nanoTime();
		var sends = new ArrayList<CompletableFuture<?>>(records.size());
		records.forEach(record -> sends.add(kafka.send(record)));
		kafka.flush();
		CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
		var sent = System.nanoTime() - sendStart;

		var start = System.nanoTime();
		listener.resume();
		awaitTrue(applied, timeout, "the backlog was not applied");
		return new Timing(sent, System.nanoTime() - start);
	}

	/**
	 * Appends one row {@code | date | commit | benchmark | figure | JVM | machine |} per figure to
	 * {@code ../docs/benchmarks.md} (the benchmark runs in its module's directory).
	 */
	public static void appendRows(String benchmark, List<String> figures) throws IOException, InterruptedException {

		var git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").start();
		var commit = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		git.waitFor();
		var options = String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
			.filter(arg -> arg.startsWith("-X")).toList());
		var jvm = String.format("JDK %s, %s, %s", Runtime.version().feature(), options,
				ManagementFactory.getGarbageCollectorMXBeans().getFirst().getName());
		var rows = new StringBuilder();
		for (var figure : figures) {
			rows.append(String.format("| %s | %s | %s | %s | %s | %d cores |%n", LocalDate.now(ZoneOffset.UTC), commit,
					benchmark, figure, jvm, Runtime.getRuntime().availableProcessors()));
		}
		Files.writeString(Path.of("..", "docs", "benchmarks.md"), rows, StandardOpenOption.APPEND);
	}

	private static void awaitTrue(BooleanSupplier condition, Duration timeout, String failure)
			throws InterruptedException, TimeoutException {

		var deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new TimeoutException(failure + " within " + timeout);
			}
			Thread.sleep(50);
		}
	}
}
