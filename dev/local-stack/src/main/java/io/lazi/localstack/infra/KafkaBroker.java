package io.lazi.localstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.common.Uuid;

import io.lazi.localstack.process.JavaCommand;
import io.lazi.localstack.process.ProcessSpec;
import io.lazi.localstack.process.ProcessSupervisor;
import io.lazi.localstack.process.Readiness;
import io.lazi.localstack.process.StackLayout;
import io.lazi.localstack.process.StackPorts;
import io.lazi.localstack.process.StartupException;
import io.lazi.platform.events.KafkaAccess;

/**
 * A single-node Kafka (KRaft, combined broker and controller, replication factors 1) run from the
 * Kafka jars in the infrastructure classpath: {@code server.properties} is written on every start,
 * the storage is formatted with Kafka's {@code StorageTool} once per data directory.
 *
 * <p>Clients connect with SASL/SCRAM-SHA-512 only (no PLAINTEXT listener; an anonymous client is
 * refused); the controller listener takes SASL/PLAIN from the broker alone. The standard authorizer
 * allows nothing without an ACL ({@code allow.everyone.if.no.acl.found=false}); the super users are the
 * broker and the operators' {@link KafkaAccess#ADMIN}, whose SCRAM credentials are written when the
 * storage is formatted. {@link #provision()} then creates, as the operator, the platform topics, each
 * service's SCRAM credentials and the ACLs of {@link KafkaAccess#acls()}.
 */
public final class KafkaBroker {

	/** The process name, also that of its log file. */
	public static final String NAME = "kafka";

	private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1",
			"-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.showDateTime=true",
			"-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS");

	private final StackLayout layout;

	private final StackPorts ports;

	private final Supplier<KafkaCredentials> credentials;

	/**
	 * @param layout where the Kafka jars, configuration, data and log are
	 * @param ports the broker and controller ports
	 * @param credentials the principals' passwords, read when the broker is prepared, started or provisioned
	 */
	public KafkaBroker(StackLayout layout, StackPorts ports, Supplier<KafkaCredentials> credentials) {

		this.layout = layout;
		this.ports = ports;
		this.credentials = credentials;
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
			writeOwnerOnly(configFile(), serverProperties());
			if (Files.exists(dataDirectory().resolve("meta.properties")) && !formattedWithTheseCredentials()) {
				// Formatted before the broker had principals, or for other passwords: the super users'
				// SCRAM credentials are written at format time only, so the storage starts afresh.
				deleteRecursively(dataDirectory());
				Files.createDirectories(dataDirectory());
			}
			if (Files.notExists(dataDirectory().resolve("meta.properties"))) {
				var format = new ProcessSpec(NAME + "-format",
						tool(List.of("format", "-t", Uuid.randomUuid().toString(), "-c", configFile().toString(),
								"--add-scram", scram(KafkaCredentials.BROKER), "--add-scram", scram(KafkaAccess.ADMIN))),
						Map.of(), layout.logFile(NAME + "-format"), 0, Readiness.none());
				var exit = supervisor.run(format, Duration.ofSeconds(60));
				if (exit != 0) {
					throw new StartupException(format.name(), format.logFile(),
							"formatting the Kafka storage in " + directory + " failed with exit code " + exit);
				}
				Files.writeString(credentialsMarker(), credentialsFingerprint());
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
				Readiness.kafka(bootstrapServers(), credentials.get().clientProperties(KafkaAccess.ADMIN)));
	}

	/**
	 * As the operator, on the running broker: creates the platform topics that are missing, sets each
	 * service's SCRAM credentials and creates the ACLs of {@link KafkaAccess#acls()}; ACLs the table no
	 * longer holds are deleted. Idempotent.
	 * @throws IllegalStateException when the broker refuses or does not answer
	 */
	public void provision() {
		new KafkaProvisioning(bootstrapServers(), credentials.get()).run();
	}

	String serverProperties() {

		var broker = KafkaCredentials.BROKER;
		var password = credentials.get().password(broker);
		return """
				process.roles=broker,controller
				node.id=1
				controller.quorum.voters=1@localhost:%2$d
				listeners=SASL_PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
				advertised.listeners=SASL_PLAINTEXT://localhost:%1$d
				controller.listener.names=CONTROLLER
				inter.broker.listener.name=SASL_PLAINTEXT
				listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT
				sasl.enabled.mechanisms=SCRAM-SHA-512
				sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
				sasl.mechanism.controller.protocol=PLAIN
				listener.name.controller.sasl.enabled.mechanisms=PLAIN
				listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule \
				  required username="%4$s" password="%5$s" user_%4$s="%5$s";
				listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule \
				  required username="%4$s" password="%5$s";
				authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
				allow.everyone.if.no.acl.found=false
				super.users=User:%4$s;User:%6$s
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
				""".formatted(ports.kafka(), ports.kafkaController(), dataDirectory(), broker, password, KafkaAccess.ADMIN);
	}

	private String scram(String user) {
		return KafkaCredentials.MECHANISM + "=[name=" + user + ",password=" + credentials.get().password(user) + "]";
	}

	private boolean formattedWithTheseCredentials() throws IOException {
		return Files.exists(credentialsMarker()) && Files.readString(credentialsMarker()).equals(credentialsFingerprint());
	}

	/** A digest of the super users' passwords, so that new passwords (a new secrets directory) reformat. */
	private String credentialsFingerprint() {

		try {
			var digest = MessageDigest.getInstance("SHA-256");
			digest.update(credentials.get().password(KafkaCredentials.BROKER).getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(credentials.get().password(KafkaAccess.ADMIN).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Path credentialsMarker() {
		return layout.kafkaDirectory().resolve("scram-credentials.sha256");
	}

	private static void writeOwnerOnly(Path file, String content) throws IOException {

		Files.deleteIfExists(file);
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			Files.createFile(file);
		}
		Files.writeString(file, content);
	}

	private static void deleteRecursively(Path directory) throws IOException {

		try (var paths = Files.walk(directory)) {
			for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
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
