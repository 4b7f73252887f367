package io.lazi.crm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service connects, and Flyway migrates, as its own role {@code crm_pipeline}, which owns the schema
 * {@code crm_pipeline} and has no superuser, role- or database-creating rights.
 */
@CrmIntegrationTest
class DatabaseRoleIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void migratesAndRunsAsItsOwnRoleWithoutSuperuserRights() {

		assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("crm_pipeline");
		assertThat(jdbc.sql("select rolsuper or rolcreaterole or rolcreatedb from pg_roles where rolname = current_user")
			.query(Boolean.class)
			.single()).isFalse();
		assertThat(jdbc.sql("select nspowner::regrole::text from pg_namespace where nspname = 'crm_pipeline'")
			.query(String.class)
			.single()).isEqualTo("crm_pipeline");
		assertThat(jdbc.sql("select distinct installed_by from crm_pipeline.flyway_schema_history").query(String.class).list())
			.containsExactly("crm_pipeline");
	}
}
