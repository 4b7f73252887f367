package io.lazi.localstack.infra;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The PostgreSQL the services use: an existing server named by {@code LAZI_DB_URL}, or the embedded
 * one this stack starts. Each service connects as its own {@link DatabaseRole}: with the credentials
 * given for it ({@code LAZI_DB_<ROLE>_USER}, default the role's name, and {@code LAZI_DB_<ROLE>_PASSWORD}),
 * or else as the role the stack itself creates or updates at start, connected as the admin
 * ({@code LAZI_DB_USER} and {@code LAZI_DB_PASSWORD}, default {@code postgres}/{@code postgres}), with
 * the password kept in the run directory. No service connects as the admin.
 *
 * @param jdbcUrl the JDBC URL handed to the services as {@code SPRING_DATASOURCE_URL}
 * @param username the admin, who creates the roles not in {@code given}
 * @param password the admin's password
 * @param embedded whether the stack starts the server itself
 * @param given the credentials given for some roles, by role name; the stack does not touch those roles
 */
public record DatabaseSettings(String jdbcUrl, String username, String password, boolean embedded,
		Map<String, Credentials> given) {

	public DatabaseSettings {
		given = Map.copyOf(given);
	}

	/** A server whose admin creates every role. */
	public DatabaseSettings(String jdbcUrl, String username, String password, boolean embedded) {
		this(jdbcUrl, username, password, embedded, Map.of());
	}

	/** The embedded server on {@code port}, database {@code postgres}, its admin {@code postgres} with {@code adminPassword}. */
	public static DatabaseSettings embedded(int port, String adminPassword) {
		return new DatabaseSettings("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", adminPassword, true);
	}

	/** This, for the embedded server, with the admin password of the run directory. */
	public DatabaseSettings withEmbeddedAdminPassword(String adminPassword) {
		return embedded ? new DatabaseSettings(jdbcUrl, username, adminPassword, true, given) : this;
	}

	/** {@code LAZI_DB_URL} if set in {@code env}, else the embedded server on {@code embeddedPort}. */
	public static DatabaseSettings fromEnvironment(Map<String, String> env, int embeddedPort) {

		var url = env.get("LAZI_DB_URL");
		if (url == null || url.isBlank()) {
			// The run directory's admin password replaces this one before anything connects (UpCommand).
			return embedded(embeddedPort, "");
		}
		var given = new LinkedHashMap<String, Credentials>();
		for (var role : DatabaseRole.ALL) {
			var rolePassword = env.get(role.environmentPrefix() + "PASSWORD");
			if (rolePassword != null && !rolePassword.isBlank()) {
				given.put(role.name(), new Credentials(env.getOrDefault(role.environmentPrefix() + "USER", role.name()),
						rolePassword));
			}
		}
		return new DatabaseSettings(url.strip(), env.getOrDefault("LAZI_DB_USER", "postgres"),
				env.getOrDefault("LAZI_DB_PASSWORD", "postgres"), false, given);
	}

	/** The credentials given for {@code role}, if any. */
	public Optional<Credentials> given(DatabaseRole role) {
		return Optional.ofNullable(given.get(role.name()));
	}

	/** Whether the stack creates or updates some role itself, connected as the admin. */
	public boolean needsAdmin() {
		return DatabaseRole.ALL.stream().anyMatch(role -> !given.containsKey(role.name()));
	}

	@Override
	public String toString() {
		return "DatabaseSettings[" + jdbcUrl + ", admin " + username + (embedded ? ", embedded" : "")
				+ (given.isEmpty() ? "" : ", given roles " + given.keySet()) + "]";
	}

	/**
	 * A role's login.
	 * @param username the user
	 * @param password the password
	 */
	public record Credentials(String username, String password) {

		@Override
		public String toString() {
			return "Credentials[" + username + "]";
		}
	}
}
