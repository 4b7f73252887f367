package io.lazi.localstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a Spring Boot service from its jar extracted ({@code java -Djarmode=tools -jar app.jar extract}) with a
 * dynamic class-data-sharing archive per instance ({@code -XX:+AutoCreateSharedArchive}): the first start writes
 * the archive when the process ends, the next ones map the classes it holds instead of loading and verifying them,
 * which roughly halves a service's start on two cores (the simulator: 4.0 s to 2.1 s). A packed jar's nested
 * classes cannot be archived, hence the extraction, redone whenever the jar is newer than it; a rebuilt jar
 * invalidates an archive, which the JVM then writes again. When extraction fails the packed jar runs as before.
 */
public final class ClassDataSharing {

	private static final Logger LOG = LoggerFactory.getLogger(ClassDataSharing.class);

	/** The folder beside the jar that holds the extracted jar and the archives. */
	static final String FOLDER = "lazi-cds";

	private ClassDataSharing() {
	}

	/**
	 * {@code java <jvmOptions> <archive options> -jar <extracted jar>}, or the packed jar's command when the jar
	 * cannot be extracted.
	 *
	 * @param instance names the archive, one per instance: instances of one service end at once, and each writes
	 *        its own
	 */
	public static List<String> jar(Path jar, String instance, List<String> jvmOptions) {

		var extracted = extracted(jar);
		if (extracted == null) {
			return JavaCommand.jar(jar, jvmOptions, List.of());
		}
		var options = new ArrayList<>(jvmOptions);
		options.add("-XX:SharedArchiveFile=" + extracted.resolveSibling(instance + ".jsa"));
		options.add("-XX:+AutoCreateSharedArchive");
		// The supervisor's parent-watchdog agent rides along; the archive may hold what it loads.
		options.add("-XX:+UnlockDiagnosticVMOptions");
		options.add("-XX:+AllowArchivingWithJavaAgent");
		// The JVM says on stdout when it (re)writes an archive; the services' logs are theirs.
		options.add("-Xlog:cds=off,cds+dynamic=off");
		return JavaCommand.jar(extracted, options, List.of());
	}

	/**
	 * Before each (re)start of a process: when {@code command} runs an extracted jar, extracts its packed jar again if
	 * that was rebuilt since, so that {@code ./lazi restart} after a build runs the new code (the rebuilt jar also
	 * invalidates the archive, which the JVM writes again). Other commands are left alone.
	 */
	static void refresh(List<String> command) {

		var at = command.indexOf("-jar");
		if (at < 0 || at + 1 >= command.size()) {
			return;
		}
		var extracted = Path.of(command.get(at + 1));
		var folder = extracted.getParent();
		if (folder == null || !folder.getFileName().toString().equals(FOLDER) || folder.getParent() == null) {
			return;
		}
		var packed = folder.getParent().resolve(extracted.getFileName());
		if (Files.exists(packed)) {
			extracted(packed);
		}
	}

	/** The extracted jar, extracted now if the jar is newer; null when it cannot be. */
	private static synchronized Path extracted(Path jar) {

		var folder = jar.resolveSibling(FOLDER);
		var extracted = folder.resolve(jar.getFileName());
		try {
			if (Files.exists(extracted) && Files.getLastModifiedTime(extracted).compareTo(Files.getLastModifiedTime(jar)) >= 0) {
				return extracted;
			}
			var process = new ProcessBuilder(JavaCommand.java().toString(), "-Djarmode=tools", "-jar", jar.toString(),
					"extract", "--force", "--destination", folder.toString())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.exists(extracted)) {
				process.destroyForcibly();
				LOG.warn("Could not extract {}; starting it packed, without class-data sharing", jar);
				return null;
			}
			return extracted;
		}
		catch (IOException ex) {
			LOG.warn("Could not extract {} ({}); starting it packed, without class-data sharing", jar, ex.toString());
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}
}
