package io.lazi.platform.test;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a service's PostgreSQL role on the shared test database as the local stack does for
 * {@code ./lazi up} (local-stack's {@code DatabaseRole}, whose statements these follow; README,
 * "Database roles"): a login role named like its schema, without superuser rights, that owns the
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

		if (!schema.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("Not a plain PostgreSQL identifier: " + schema);
		}
		var sql = new ArrayList<String>();
		sql.add("select pg_advisory_xact_lock(" + ADMIN_LOCK + ")");
		sql.add("do $$ begin if not exists (select from pg_roles where rolname = '" + schema + "') then create role "
				+ schema + "; end if; end $$");
		sql.add("alter role " + schema + " with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls"
				+ " password '" + password.replace("'", "''") + "'");
		sql.add("create schema if not exists " + schema + " authorization " + schema);
		sql.add("alter schema " + schema + " owner to " + schema);
		sql.add("revoke all on schema " + schema + " from public");
		extensions.forEach(extension -> sql.add("create extension if not exists " + extension.strip() + " with schema "
				+ schema));
		sql.add("""
				do $$ declare o record; begin
				  for o in select c.oid::regclass as object, case c.relkind when 'S' then 'sequence' when 'v' then 'view'
				      when 'm' then 'materialized view' when 'f' then 'foreign table' else 'table' end as kind
				    from pg_class c join pg_namespace n on n.oid = c.relnamespace
				    where n.nspname = '%1$s' and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
				      and c.relowner <> '%1$s'::regrole
				      and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
				        and d.deptype in ('a', 'i', 'e'))
				  loop execute format('alter %%s %%s owner to %1$s', o.kind, o.object); end loop;
				end $$""".formatted(schema));
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
