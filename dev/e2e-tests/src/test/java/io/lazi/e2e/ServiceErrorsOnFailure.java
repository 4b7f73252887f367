package io.lazi.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import io.lazi.localstack.StackService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * When an end-to-end test fails, prints the last {@value #LINES} ERROR lines of every service instance's log
 * (time, service, logger, message, error): the logs live in a temporary directory that is gone when the run
 * ends, and a 500 seen by the test is explained only there.
 */
class ServiceErrorsOnFailure implements TestWatcher {

	static final int LINES = 15;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public void testFailed(ExtensionContext context, Throwable cause) {

		var platform = EndToEndTest.platform;
		if (platform == null) {
			return;
		}
		var report = new StringBuilder("ERROR lines of the services' logs, after " + context.getDisplayName() + ":\n");
		for (var service : StackService.values()) {
			platform.logFiles(service).forEach(file -> errors(file).forEach(line -> report.append("  ").append(line).append('\n')));
		}
		System.out.println(report);
	}

	private static List<String> errors(Path file) {

		if (!Files.isRegularFile(file)) {
			return List.of();
		}
		try (var lines = Files.lines(file)) {
			var errors = lines.filter(line -> line.contains("\"level\":\"ERROR\"")).map(ServiceErrorsOnFailure::summary).toList();
			return errors.subList(Math.max(0, errors.size() - LINES), errors.size());
		}
		catch (IOException | UncheckedIOException ex) {
			return List.of(file + ": unreadable (" + ex + ")");
		}
	}

	private static String summary(String line) {

		try {
			JsonNode entry = JSON.readTree(line);
			return String.join(" | ", entry.path("@timestamp").asString(), entry.path("service").path("name").asString(),
					entry.path("log").path("logger").asString(), entry.path("message").asString(),
					entry.path("error").path("type").asString(), entry.path("error").path("message").asString());
		}
		catch (RuntimeException ex) {
			return line;
		}
	}
}
