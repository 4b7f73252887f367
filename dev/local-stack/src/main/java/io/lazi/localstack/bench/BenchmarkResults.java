package io.lazi.localstack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The results table at the end of {@code docs/benchmarks.md}: each benchmark appends one row per figure,
 * {@code | date | commit | benchmark | figure | JVM | machine |}, the newest last.
 *
 * @param repository the repository's root
 */
public record BenchmarkResults(Path repository) {

	/**
	 * Appends one row per figure.
	 *
	 * @param benchmark e.g. {@code gateway, image memory hit}
	 * @param figures the figures, each one row
	 * @param jvm the JVM settings of the processes measured
	 */
	public void append(String benchmark, List<String> figures, String jvm) throws IOException {

		var commit = commit();
		var rows = new StringBuilder();
		for (var figure : figures) {
			rows.append(String.format("| %s | %s | %s | %s | %s | %d cores |%n", LocalDate.now(ZoneOffset.UTC), commit,
					benchmark, figure, jvm, Runtime.getRuntime().availableProcessors()));
		}
		Files.writeString(repository.resolve("docs/benchmarks.md"), rows, StandardCharsets.UTF_8,
				StandardOpenOption.APPEND);
	}

	private String commit() throws IOException {

		var git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").directory(repository.toFile()).start();
		var sha = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		try {
			git.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return sha.isEmpty() ? "unknown" : sha;
	}
}
