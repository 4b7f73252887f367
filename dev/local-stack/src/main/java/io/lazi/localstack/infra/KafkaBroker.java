package io.lazi.localstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.Uuid;

import io.lazi.localstack.process.JavaCommand;
import io.lazi.localstack.process.ProcessSpec;
import io.lazi.localstack.process.ProcessSupervisor;
import io.lazi.localstack.process.Readiness;
import io.lazi.localstack.process.StackLayout;
import io.lazi.localstack.process.StackPorts;
import io.lazi.localstack.process.StartupException;

/**
 * A single-node Kafka (KRaft, combined broker and controller, replication factors 1) run from the
 * Kafka jars in the infrastructure classpath: {@code server.properties} is written on every start,
 * the storage is formatted with Kafka's {@code StorageTool} once per data directory.
 */
public final class KafkaBroker {

	/** The process name, also that of its log file. */
	public static final String NAME = "kafka";

	private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1",
			"-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.showDateTime=true",
			"-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS");

	private final StackLayout layout;

	private final StackPorts ports;

	/**
	 * @param layout where the Kafka jars, configuration, data and log are
	 * @param ports the broker and controller ports
	 */
	public KafkaBroker(StackLayout layout, StackPorts ports) {

		this.layout = layout;
		this.ports = ports;
	}

	/** {@code localhost:<kafka port>}. */
	public String bootstrapServers() {
		return "localhost:" + ports.kafka();
	}

	/**
	 * Writes the configuration and formats the storage when it is new.
	 * @throws StartupException when formatting fails
	 * @throws UncheckedIOException when the directory or configuration cannot be written
	 */
	public void prepare(ProcessSupervisor supervisor) {

		try {
			var directory = layout.kafkaDirectory();
			Files.createDirectories(dataDirectory());
			Files.writeString(configFile(), serverProperties());
			if (Files.notExists(dataDirectory().resolve("meta.properties"))) {
				var format = new ProcessSpec(NAME + "-format",
						tool(List.of("format", "-t", Uuid.randomUuid().toString(), "-c", configFile().toString())),
						Map.of(), layout.logFile(NAME + "-format"), 0, Readiness.none());
				var exit = supervisor.run(format, Duration.ofSeconds(60));
				if (exit != 0) {
					throw new StartupException(format.name(), format.logFile(),
							"formatting the Kafka storage in " + directory + " failed with exit code " + exit);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The broker process: {@code kafka.Kafka server.properties}, ready once it answers a metadata request. */
	public ProcessSpec spec() {

		var command = JavaCommand.mainClass(List.of(layout.infrastructureLib() + "/*"), "kafka.Kafka", JVM_OPTIONS,
				List.of(configFile().toString()));
		return new ProcessSpec(NAME, command, Map.of(), layout.logFile(NAME), ports.kafka(),
				Readiness.kafka(bootstrapServers()));
	}

	String serverProperties() {

		return """
				process.roles=broker,controller
				node.id=1
				controller.quorum.voters=1@localhost:%2$d
				listeners=PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
				advertised.listeners=PLAINTEXT://localhost:%1$d
				controller.listener.names=CONTROLLER
				inter.broker.listener.name=PLAINTEXT
				listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
				log.dirs=%3$s
				num.partitions=1
				auto.create.topics.enable=true
				offsets.topic.replication.factor=1
				offsets.topic.num.partitions=10
				transaction.state.log.replication.factor=1
				transaction.state.log.min.isr=1
				transaction.state.log.num.partitions=10
				share.coordinator.state.topic.replication.factor=1
				share.coordinator.state.topic.min.isr=1
				group.initial.rebalance.delay.ms=0
				""".formatted(ports.kafka(), ports.kafkaController(), dataDirectory());
	}

	private List<String> tool(List<String> args) {
		return JavaCommand.mainClass(List.of(layout.infrastructureLib() + "/*"), "kafka.tools.StorageTool",
				List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), args);
	}

	private Path configFile() {
		return layout.kafkaDirectory().resolve("server.properties");
	}

	private Path dataDirectory() {
		return layout.kafkaDirectory().resolve("data");
	}
}
