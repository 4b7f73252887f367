package io.lazi.securitytests;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lazi.localstack.infra.DatabaseRole;
import io.lazi.platform.test.SharedInfrastructure;

/**
 * API8 Security Misconfiguration, the data plane: each service's database credentials (as the stack
 * hands them over) are a role without superuser rights that can read no other service's tables and
 * create nothing outside its own schema, after every service has migrated and the seed has written.
 */
class DatabaseRoleProbesTests extends SecurityTest {

	@Test
	void givesEachServiceARoleConfinedToItsSchema() throws SQLException {

		var probes = new Probes(Category.EXPOSURE);
		var stack = platform.stack();
		var url = stack.database().jdbcUrl();
		var tables = new LinkedHashMap<DatabaseRole, String>();
		var admin = SharedInfrastructure.database();
		try (var connection = DriverManager.getConnection(url, admin.username(), admin.password())) {
			for (var role : DatabaseRole.ALL) {
				try (var result = connection.createStatement()
					.executeQuery("select schemaname || '.' || tablename from pg_tables where schemaname = '" + role.schema()
							+ "' order by tablename limit 1")) {
					probes.check(result.next(), role + " has migrated tables (control)", "none");
					tables.put(role, result.getString(1));
				}
			}
		}
		for (var role : DatabaseRole.ALL) {
			var credentials = stack.databaseCredentials(role);
			try (var connection = DriverManager.getConnection(url, credentials.username(), credentials.password())) {
				probes.check(query(connection, "select (rolsuper or rolcreaterole or rolcreatedb)::text from pg_roles"
						+ " where rolname = current_user").equals("false"), role + " has no admin attribute", "it has");
				probes.check(query(connection, "select count(*) from " + tables.get(role)).matches("\\d+"),
						role + " reads its own " + tables.get(role) + " (control)", "refused");
				for (Map.Entry<DatabaseRole, String> other : tables.entrySet()) {
					if (!other.getKey().equals(role)) {
						var seen = query(connection, "select count(*) from " + other.getValue());
						probes.check(seen.contains("permission denied"), role + " reads " + other.getValue(), seen);
					}
				}
				var created = query(connection, "create table public.probe_" + role + " (id int)");
				probes.check(created.contains("permission denied"), role + " creates a table in public", created);
				created = query(connection, "create schema probe_" + role);
				probes.check(created.contains("permission denied"), role + " creates a schema", created);
			}
		}
		probes.report();
	}

	/** The first column of the first row, {@code "updated"} for a statement without rows, or the error's message. */
	private static String query(java.sql.Connection connection, String sql) {

		try (var statement = connection.createStatement()) {
			if (!statement.execute(sql)) {
				return "updated";
			}
			try (var result = statement.getResultSet()) {
				return result.next() ? String.valueOf(result.getString(1)) : "no row";
			}
		}
		catch (SQLException ex) {
			return ex.getMessage();
		}
	}
}
