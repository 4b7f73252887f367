package io.lazi.pricebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lazi.platform.test.SharedInfrastructure;

/**
 * The service connects, and Flyway migrates, as the role {@code pricebook}, which owns its schema and
 * nothing else: another service's tables (st-ingest's) are out of its reach, and it can create
 * nothing outside its schema, not even the extensions it uses.
 */
@PricebookIntegrationTest
class DatabaseRoleIntegrationTests {

	private final JdbcClient jdbc;

	@Autowired
	DatabaseRoleIntegrationTests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Test
	void migratesAndRunsAsItsOwnRoleWithoutSuperuserRights() {

		assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("pricebook");
		assertThat(jdbc.sql("select rolsuper or rolcreaterole or rolcreatedb from pg_roles where rolname = current_user")
			.query(Boolean.class)
			.single()).isFalse();
		assertThat(jdbc.sql("select nspowner::regrole::text from pg_namespace where nspname = 'pricebook'")
			.query(String.class)
			.single()).isEqualTo("pricebook");
		assertThat(jdbc.sql("select distinct installed_by from pricebook.flyway_schema_history").query(String.class).list())
			.containsExactly("pricebook");
		assertThat(jdbc.sql("select count(*) from pg_extension where extname in ('ltree', 'pg_trgm')"
				+ " and extnamespace = 'pricebook'::regnamespace").query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void cannotReadAnotherServicesTables() throws Exception {

		var stIngest = SharedInfrastructure.serviceDatabase("st_ingest", List.of());
		try (var connection = DriverManager.getConnection(stIngest.jdbcUrl(), stIngest.username(), stIngest.password());
				var statement = connection.createStatement()) {
			statement.execute("create table if not exists st_ingest.role_probe (tenant_id text not null)");
			statement.execute("insert into st_ingest.role_probe values ('3222348440')");
		}

		assertRefused("select * from st_ingest.role_probe");
		assertRefused("delete from st_ingest.role_probe");
	}

	@Test
	void cannotCreateObjectsOutsideItsSchema() {

		assertRefused("create table public.stray (id int)");
		assertRefused("create table st_ingest.stray (id int)");
		assertRefused("create schema stray");
		assertRefused("create extension if not exists hstore");
	}

	private void assertRefused(String sql) {

		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> jdbc.sql(sql).update())
			.satisfies(ex -> assertThat(ex.getMostSpecificCause()).hasMessageContaining("permission denied")
				.isInstanceOfSatisfying(SQLException.class, cause -> assertThat(cause.getSQLState()).isEqualTo("42501")));
	}
}
