package io.lazi.platform.test;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.lazi.platform.events.access.SchemaRole;

/**
 * Makes a service's PostgreSQL role on the shared test database as the local stack does for
 * {@code ./lazi up}, with the same statements ({@link SchemaRole}; README, "Database roles"): a login role named like its schema, without superuser rights, that owns the
 * schema and nothing else, with the extensions the schema needs created in it by the admin.
 */
final class ServiceRoles {

	/** Serialises JVMs that make roles on one server at once ({@code CREATE ROLE} has no {@code IF NOT EXISTS}). */
	private static final long ADMIN_LOCK = 0x6c617a69_726f6c65L;

	private ServiceRoles() {
	}

	/**
	 * Creates or updates the role {@code schema} with {@code password}, its schema and extensions,
	 * connected as {@code admin}; hands it the schema's tables and sequences an earlier run left to the admin.
	 */
	static void provision(Database admin, String schema, List<String> extensions, String password) {

		var sql = new ArrayList<String>();
		sql.add("select pg_advisory_xact_lock(" + ADMIN_LOCK + ")");
		sql.addAll(new SchemaRole(schema, extensions).provisioningSql(password));
		try (var connection = DriverManager.getConnection(admin.jdbcUrl(), admin.username(), admin.password())) {
			connection.setAutoCommit(false);
			try (var statement = connection.createStatement()) {
				for (var each : sql) {
					statement.execute(each);
				}
				connection.commit();
			}
			catch (SQLException ex) {
				connection.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not make the database role " + schema + " as " + admin.username()
					+ ": " + ex.getMessage(), ex);
		}
	}
}
