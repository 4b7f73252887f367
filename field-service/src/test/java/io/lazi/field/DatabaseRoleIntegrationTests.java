package io.lazi.field;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service connects, and Flyway migrates, as its own role {@code field}, which owns the schema
 * {@code field} and has no superuser, role- or database-creating rights.
 */
@FieldIntegrationTest
class DatabaseRoleIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void migratesAndRunsAsItsOwnRoleWithoutSuperuserRights() {

		assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("field");
		assertThat(jdbc.sql("select rolsuper or rolcreaterole or rolcreatedb from pg_roles where rolname = current_user")
			.query(Boolean.class)
			.single()).isFalse();
		assertThat(jdbc.sql("select nspowner::regrole::text from pg_namespace where nspname = 'field'")
			.query(String.class)
			.single()).isEqualTo("field");
		assertThat(jdbc.sql("select distinct installed_by from field.flyway_schema_history").query(String.class).list())
			.containsExactly("field");
	}
}
