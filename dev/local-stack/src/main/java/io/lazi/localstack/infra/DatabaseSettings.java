package io.lazi.localstack.infra;

import java.util.Map;

/**
 * The PostgreSQL the services use: an existing server named by {@code LAZI_DB_URL} (with
 * {@code LAZI_DB_USER} and {@code LAZI_DB_PASSWORD}, default {@code postgres}/{@code postgres}), or
 * the embedded one this stack starts.
 *
 * @param jdbcUrl the JDBC URL handed to the services as {@code SPRING_DATASOURCE_URL}
 * @param username the user
 * @param password the password
 * @param embedded whether the stack starts the server itself
 */
public record DatabaseSettings(String jdbcUrl, String username, String password, boolean embedded) {

	/** The embedded server on {@code port}, database {@code postgres}. */
	public static DatabaseSettings embedded(int port) {
		return new DatabaseSettings("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres", true);
	}

	/** {@code LAZI_DB_URL} if set in {@code env}, else the embedded server on {@code embeddedPort}. */
	public static DatabaseSettings fromEnvironment(Map<String, String> env, int embeddedPort) {

		var url = env.get("LAZI_DB_URL");
		if (url == null || url.isBlank()) {
			return embedded(embeddedPort);
		}
		return new DatabaseSettings(url.strip(), env.getOrDefault("LAZI_DB_USER", "postgres"),
				env.getOrDefault("LAZI_DB_PASSWORD", "postgres"), false);
	}

	@Override
	public String toString() {
		return "DatabaseSettings[" + jdbcUrl + ", user " + username + (embedded ? ", embedded]" : "]");
	}
}
