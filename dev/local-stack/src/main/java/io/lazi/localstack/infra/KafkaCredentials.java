package io.lazi.localstack.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.lazi.platform.events.KafkaAccess;

/**
 * The SASL/SCRAM-SHA-512 passwords of the local broker's principals, each in an owner-only file
 * {@code kafka-password-<user>} of the run directory's secrets ({@link SecretFile}): the broker's own
 * ({@value #BROKER}), the operators' ({@link KafkaAccess#ADMIN}, a super user like the broker) and one per
 * service ({@link KafkaAccess.Principal}).
 *
 * @param directory the secrets directory
 * @param passwords user name → password, for every user in {@link #USERS}
 */
public record KafkaCredentials(Path directory, Map<String, String> passwords) {

	/** The broker's principal, which it authenticates as on its own listeners. */
	public static final String BROKER = "lazi-broker";

	/** SASL mechanism of every client. */
	public static final String MECHANISM = "SCRAM-SHA-512";

	/** The broker, the operators, then each service. */
	public static final List<String> USERS = users();

	public KafkaCredentials {
		passwords = Map.copyOf(passwords);
	}

	/** The credentials in {@code directory}, each password made when missing. */
	public static KafkaCredentials readOrCreate(Path directory) throws IOException {

		var passwords = new LinkedHashMap<String, String>();
		for (var user : USERS) {
			passwords.put(user, SecretFile.readOrCreate(file(directory, user)));
		}
		return new KafkaCredentials(directory, passwords);
	}

	/** The credentials in {@code directory}; empty when one is missing. */
	public static Optional<KafkaCredentials> read(Path directory) throws IOException {

		var passwords = new LinkedHashMap<String, String>();
		for (var user : USERS) {
			var password = SecretFile.read(file(directory, user));
			if (password.isEmpty()) {
				return Optional.empty();
			}
			passwords.put(user, password.get());
		}
		return Optional.of(new KafkaCredentials(directory, passwords));
	}

	/**
	 * The password of {@code user}.
	 * @throws IllegalArgumentException when it is not one of {@link #USERS}
	 */
	public String password(String user) {

		var password = passwords.get(user);
		if (password == null) {
			throw new IllegalArgumentException(user + " is not a Kafka principal of the local stack");
		}
		return password;
	}

	/** The file holding {@code user}'s password, e.g. {@code .lazi/run/secrets/kafka-password-lazi-admin}. */
	public Path passwordFile(String user) {
		return file(directory, user);
	}

	/** Kafka client settings that authenticate as {@code user}. */
	public Map<String, Object> clientProperties(String user) {
		return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", MECHANISM, "sasl.jaas.config",
				jaasConfig(user));
	}

	/** The Spring Boot environment that makes a service's Kafka clients authenticate as {@code user}. */
	public Map<String, String> springEnvironment(String user) {
		return Map.of("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT", "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM",
				MECHANISM, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", jaasConfig(user));
	}

	/** {@code ScramLoginModule} with {@code user}'s name and password. */
	public String jaasConfig(String user) {
		return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
				+ "\" password=\"" + password(user) + "\";";
	}

	@Override
	public String toString() {
		return "KafkaCredentials[" + directory + "]";
	}

	private static Path file(Path directory, String user) {
		return directory.resolve("kafka-password-" + user);
	}

	private static List<String> users() {

		var users = new ArrayList<String>(List.of(BROKER, KafkaAccess.ADMIN));
		for (var principal : KafkaAccess.Principal.values()) {
			users.add(principal.user());
		}
		return List.copyOf(users);
	}
}
