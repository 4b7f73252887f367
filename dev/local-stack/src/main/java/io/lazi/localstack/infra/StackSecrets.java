package io.lazi.localstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The secrets of a run directory, each in its own owner-only file (mode 600) of a directory only its
 * owner may enter (mode 700), made on the first {@code ./lazi up} and kept for the next ones:
 * {@code users-password} (every console user's), {@code client-secret-<client id>} for each
 * confidential client of the identity provider, {@code kafka-password-<user>} for each principal of the
 * Kafka broker ({@link KafkaCredentials}), {@code database-password-<role>}, the password of each
 * service's PostgreSQL role ({@link DatabaseRole}), and the identity provider's signing key
 * {@code identity-provider-signing-key.json}, which the identity provider writes itself.
 *
 * @param directory where the files are
 * @param usersPassword the password of the identity provider's users ({@code admin@3222348440}, …)
 * @param clientSecrets the secret of each client in {@link #CLIENTS}
 * @param databasePasswords the password of each role in {@link DatabaseRole#ALL}, by role name
 */
public record StackSecrets(Path directory, String usersPassword, Map<String, String> clientSecrets,
		Map<String, String> databasePasswords) {

	/** The dev client {@code ./lazi token}, the scenario and the tests get user tokens through. */
	public static final String CLI_CLIENT = "lazi-cli";

	/** The identity provider's confidential clients: the services calling internal APIs and the dev client. */
	public static final List<String> CLIENTS = List.of("st-ingest-service", "image-service", "crm-pipeline-service",
			"pricebook-service", CLI_CLIENT);

	private static final String USERS_PASSWORD = "users-password";

	public StackSecrets {
		clientSecrets = Map.copyOf(clientSecrets);
		databasePasswords = Map.copyOf(databasePasswords);
	}

	/** The secrets in {@code directory}, each made when missing. */
	public static StackSecrets readOrCreate(Path directory) throws IOException {

		Files.createDirectories(directory);
		try {
			Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: the files' own permissions are all there is
		}
		var clients = new LinkedHashMap<String, String>();
		for (var client : CLIENTS) {
			clients.put(client, SecretFile.readOrCreate(clientSecretFile(directory, client)));
		}
		KafkaCredentials.readOrCreate(directory);
		var databasePasswords = new LinkedHashMap<String, String>();
		for (var role : DatabaseRole.ALL) {
			databasePasswords.put(role.name(), SecretFile.readOrCreate(databasePasswordFile(directory, role.name())));
		}
		return new StackSecrets(directory, SecretFile.readOrCreate(directory.resolve(USERS_PASSWORD)), clients,
				databasePasswords);
	}

	/** The secrets in {@code directory}; empty when no {@code ./lazi up} has made them all. */
	public static Optional<StackSecrets> read(Path directory) throws IOException {

		var password = SecretFile.read(directory.resolve(USERS_PASSWORD));
		if (password.isEmpty()) {
			return Optional.empty();
		}
		var clients = new LinkedHashMap<String, String>();
		for (var client : CLIENTS) {
			var secret = SecretFile.read(clientSecretFile(directory, client));
			if (secret.isEmpty()) {
				return Optional.empty();
			}
			clients.put(client, secret.get());
		}
		var databasePasswords = new LinkedHashMap<String, String>();
		for (var role : DatabaseRole.ALL) {
			var secret = SecretFile.read(databasePasswordFile(directory, role.name()));
			if (secret.isEmpty()) {
				return Optional.empty();
			}
			databasePasswords.put(role.name(), secret.get());
		}
		return Optional.of(new StackSecrets(directory, password.get(), clients, databasePasswords));
	}

	/**
	 * The secret of {@code clientId}.
	 * @throws IllegalArgumentException when it is not one of {@link #CLIENTS}
	 */
	public String clientSecret(String clientId) {

		var secret = clientSecrets.get(clientId);
		if (secret == null) {
			throw new IllegalArgumentException(clientId + " is not a confidential client of the identity provider");
		}
		return secret;
	}

	/**
	 * The Kafka principals' passwords, made with the other secrets by {@link #readOrCreate}.
	 * @throws IllegalStateException when they were not made
	 */
	public KafkaCredentials kafkaCredentials() {

		try {
			return KafkaCredentials.read(directory)
				.orElseThrow(() -> new IllegalStateException("No Kafka passwords in " + directory + "; ./lazi up makes them"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The password of the PostgreSQL role {@code role}.
	 * @throws IllegalArgumentException when it is not one of {@link DatabaseRole#ALL}
	 */
	public String databasePassword(DatabaseRole role) {

		var password = databasePasswords.get(role.name());
		if (password == null) {
			throw new IllegalArgumentException(role + " is not a service's database role");
		}
		return password;
	}

	/** The file holding the password of the PostgreSQL role {@code role}. */
	public Path databasePasswordFile(DatabaseRole role) {
		return databasePasswordFile(directory, role.name());
	}

	/**
	 * The password of the embedded PostgreSQL's admin {@code postgres} ({@code database-password-postgres}),
	 * made on first use: the embedded server checks every login's password.
	 */
	public String databaseAdminPassword() {

		try {
			return SecretFile.readOrCreate(directory.resolve("database-password-postgres"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The file holding the users' password. */
	public Path usersPasswordFile() {
		return directory.resolve(USERS_PASSWORD);
	}

	/** The identity provider's signing key (a private JWK), written by the identity provider on its first start. */
	public Path signingKeyFile() {
		return directory.resolve("identity-provider-signing-key.json");
	}

	private static Path databasePasswordFile(Path directory, String role) {
		return directory.resolve("database-password-" + role);
	}

	private static Path clientSecretFile(Path directory, String clientId) {
		return directory.resolve("client-secret-" + clientId);
	}

	@Override
	public String toString() {
		return "StackSecrets[" + directory + "]";
	}
}
