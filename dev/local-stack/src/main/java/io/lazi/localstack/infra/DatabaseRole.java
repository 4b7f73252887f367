package io.lazi.localstack.infra;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.lazi.platform.events.access.SchemaRole;

/**
 * The PostgreSQL role of one service: a login role named like its schema that owns that schema and
 * nothing else, so that the service (and Flyway, which runs as the same role) can create and change
 * objects there and nowhere else. No other role gets any right on the schema. The extensions a
 * schema needs are created in it by the admin, as the role may use but not create them.
 *
 * <p>{@link #provisioningSql(String)} is the whole admin step and is idempotent: run on a new server
 * it creates the role and schema, run on an older data directory (where a superuser ran the
 * migrations) it also hands the schema's tables, views and sequences over to the role. README
 * ("Database roles") prints the same statements for a server whose admin is not ours.
 *
 * @param name the role and its schema
 * @param extensions the extensions created in the schema
 */
public record DatabaseRole(String name, List<String> extensions) {

	/** st-ingest-service's role and schema. */
	public static final DatabaseRole ST_INGEST = new DatabaseRole("st_ingest", List.of());

	/** pricebook-service's role and schema; the category tree uses {@code ltree}, the SKU search {@code pg_trgm}. */
	public static final DatabaseRole PRICEBOOK = new DatabaseRole("pricebook", List.of("ltree", "pg_trgm"));

	/** image-service's role and schema. */
	public static final DatabaseRole IMAGE = new DatabaseRole("image", List.of());

	/** crm-pipeline-service's role and schema. */
	public static final DatabaseRole CRM_PIPELINE = new DatabaseRole("crm_pipeline", List.of());

	/** field-service's role and schema. */
	public static final DatabaseRole FIELD = new DatabaseRole("field", List.of());

	/** Every service's role. */
	public static final List<DatabaseRole> ALL = List.of(ST_INGEST, PRICEBOOK, IMAGE, CRM_PIPELINE, FIELD);

	/** Serialises concurrent admin steps on one server ({@code CREATE ROLE} is not {@code IF NOT EXISTS}). */
	private static final long ADMIN_LOCK = 0x6c617a69_726f6c65L;

	public DatabaseRole {
		if (!name.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("Not a plain PostgreSQL identifier: " + name);
		}
		extensions = List.copyOf(extensions);
	}

	/** The schema the role owns (its name). */
	public String schema() {
		return name;
	}

	/** The prefix of the variables giving its credentials on an external server: {@code LAZI_DB_PRICEBOOK_}. */
	public String environmentPrefix() {
		return "LAZI_DB_" + name.toUpperCase(Locale.ROOT) + "_";
	}

	/** The admin's statements that create or update the role with {@code password} ({@link SchemaRole}). */
	public List<String> provisioningSql(String password) {
		return new SchemaRole(name, extensions).provisioningSql(password);
	}

	/**
	 * Runs {@link #provisioningSql(String)} for each role in one transaction on {@code admin} (a
	 * superuser, or a role with {@code CREATEROLE} that owns the database and may create the extensions).
	 * @param passwords each role's password
	 */
	public static void provision(Connection admin, Map<DatabaseRole, String> passwords) throws SQLException {

		var autoCommit = admin.getAutoCommit();
		admin.setAutoCommit(false);
		try (var statement = admin.createStatement()) {
			statement.execute("select pg_advisory_xact_lock(" + ADMIN_LOCK + ")");
			for (var entry : passwords.entrySet()) {
				for (var sql : entry.getKey().provisioningSql(entry.getValue())) {
					statement.execute(sql);
				}
			}
			admin.commit();
		}
		catch (SQLException | RuntimeException ex) {
			admin.rollback();
			throw ex;
		}
		finally {
			admin.setAutoCommit(autoCommit);
		}
	}

	@Override
	public String toString() {
		return name;
	}
}
