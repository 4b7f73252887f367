package io.lazi.platform.events.access;

import java.util.ArrayList;
import java.util.List;

/**
 * A service's PostgreSQL login role, named like the schema it owns and nothing else, with the extensions
 * the admin creates in that schema for it: the statements an admin runs to create or update it, the one
 * recipe the local stack, the test harness and README's SQL follow.
 *
 * @param name role and schema name, a plain lower-case identifier
 * @param extensions extensions created in the schema (e.g. {@code ltree})
 */
public record SchemaRole(String name, List<String> extensions) {

	public SchemaRole {
		if (!name.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("Not a plain PostgreSQL identifier: " + name);
		}
		extensions = extensions.stream().map(String::strip).toList();
	}

	/**
	 * The admin's statements that create or update the role with {@code password} (no superuser,
	 * {@code CREATEDB} or {@code CREATEROLE}), its schema and extensions, and hand it the tables, views and
	 * free sequences a superuser made in the schema before the role existed. Idempotent.
	 */
	public List<String> provisioningSql(String password) {

		var sql = new ArrayList<String>();
		sql.add("do $$ begin if not exists (select from pg_roles where rolname = '" + name + "') then create role "
				+ name + "; end if; end $$");
		sql.add("alter role " + name + " with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls"
				+ " password '" + password.replace("'", "''") + "'");
		sql.add("create schema if not exists " + name + " authorization " + name);
		sql.add("alter schema " + name + " owner to " + name);
		sql.add("revoke all on schema " + name + " from public");
		extensions.forEach(extension -> sql.add("create extension if not exists " + extension + " with schema " + name));
		// Sequences owned by a table follow it; members of an extension stay the extension's.
		sql.add("""
				do $$ declare o record; begin
				  for o in select c.oid::regclass as object, case c.relkind when 'S' then 'sequence' when 'v' then 'view'
				      when 'm' then 'materialized view' when 'f' then 'foreign table' else 'table' end as kind
				    from pg_class c join pg_namespace n on n.oid = c.relnamespace
				    where n.nspname = '%1$s' and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
				      and c.relowner <> '%1$s'::regrole
				      and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
				        and d.deptype in ('a', 'i', 'e'))
				    order by c.relkind = 'S'
				  loop execute format('alter %%s %%s owner to %1$s', o.kind, o.object); end loop;
				end $$""".formatted(name));
		return sql;
	}
}
