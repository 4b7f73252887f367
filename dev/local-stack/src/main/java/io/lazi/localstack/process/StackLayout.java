package io.lazi.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where things are: the repository the jars are built in and the run directory that holds state,
 * logs, the secrets (identity provider's signing key, client secrets, users' password) and the data of
 * Kafka and PostgreSQL.
 *
 * @param repository the repository root (the directory holding {@code lazi} and the modules)
 * @param runDirectory the run directory, {@code <repository>/.lazi/run} by default
 */
public record StackLayout(Path repository, Path runDirectory) {

	/**
	 * The version every module of the repository is built with, e.g. {@code 0.1.0-SNAPSHOT}: the
	 * project version the build wrote into {@code version.properties} beside this class.
	 */
	public static final String VERSION = builtVersion();

	/** The folder of the stand-ins and tooling that do not ship (simulator, local stack, end-to-end tests). */
	private static final String DEV = "dev";

	public StackLayout {
		repository = repository.toAbsolutePath().normalize();
		runDirectory = runDirectory.toAbsolutePath().normalize();
	}

	/** The default run directory of {@code repository}. */
	public static StackLayout of(Path repository) {
		return new StackLayout(repository, repository.resolve(".lazi/run"));
	}

	/**
	 * The runnable jar of the module in {@code directory} (relative to the repository, e.g.
	 * {@code dev/st-simulator}): {@code <directory>/target/<module>-0.1.0-SNAPSHOT.jar}.
	 */
	public Path moduleJar(String directory) {
		var folder = repository.resolve(directory);
		return folder.resolve("target").resolve(folder.getFileName() + "-" + VERSION + ".jar");
	}

	/**
	 * The classpath directory of the Kafka broker and the embedded PostgreSQL server
	 * ({@code dev/local-stack/target/lib}, filled by the local-stack build).
	 */
	public Path infrastructureLib() {
		return repository.resolve(DEV).resolve("local-stack/target/lib");
	}

	/** The log file of the named process. */
	public Path logFile(String name) {
		return runDirectory.resolve("logs").resolve(name + ".log");
	}

	/** The state file listing what was started. */
	public Path stateFile() {
		return runDirectory.resolve("state.json");
	}

	/** The mailbox through which commands reach the running {@code ./lazi up} ({@link ControlChannel}). */
	public Path controlDirectory() {
		return runDirectory.resolve("control");
	}

	/** The directory of the run's secrets (mode 700, each file 600): see {@code StackSecrets}. */
	public Path secretsDirectory() {
		return runDirectory.resolve("secrets");
	}

	/** The Kafka configuration and data directory. */
	public Path kafkaDirectory() {
		return runDirectory.resolve("kafka");
	}

	/** The PostgreSQL data directory. */
	public Path postgresDataDirectory() {
		return runDirectory.resolve("postgres/data");
	}

	private static String builtVersion() {

		try (var in = StackLayout.class.getResourceAsStream("version.properties")) {
			if (in == null) {
				throw new IllegalStateException("version.properties is missing beside " + StackLayout.class.getName());
			}
			var properties = new Properties();
			properties.load(in);
			return properties.getProperty("version");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
