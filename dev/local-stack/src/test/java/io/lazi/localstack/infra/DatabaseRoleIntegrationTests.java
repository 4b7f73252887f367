package io.lazi.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.lazi.localstack.LocalStack;
import io.lazi.localstack.process.ProcessSupervisor;
import io.lazi.localstack.process.StackLayout;
import io.lazi.localstack.process.StackPorts;

/**
 * The services' database roles on the stack's embedded PostgreSQL: created on a data directory where
 * the superuser made everything (as before the roles), again without harm, and then each role can
 * work in its own schema only.
 */
class DatabaseRoleIntegrationTests {

	@TempDir
	Path runDirectory;

	@Test
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void givesEachServiceARoleThatOwnsItsSchemaAndNothingElse() throws Exception {

		var layout = new StackLayout(Path.of("../..").toAbsolutePath(), runDirectory);
		var ports = StackPorts.free();
		var database = DatabaseSettings.embedded(ports.database(), "admin-secret");
		var supervisor = new ProcessSupervisor(layout.stateFile());
		var secrets = StackSecrets.readOrCreate(layout.secretsDirectory());
		var stack = new LocalStack(layout, ports, database, secrets, supervisor, Map.of());
		try (supervisor) {
			supervisor.awaitReady(List.of(stack.startPostgres().orElseThrow()), Duration.ofSeconds(90), process -> {
			});
			try (var admin = DriverManager.getConnection(database.jdbcUrl(), "postgres", "admin-secret");
					var statement = admin.createStatement()) {
				// An older data directory: the superuser ran st-ingest's migrations.
				statement.execute("create schema st_ingest");
				statement.execute("create table st_ingest.fact (id bigserial primary key, tenant_id text not null)");
				statement.execute("insert into st_ingest.fact (tenant_id) values ('3222348440')");
			}

			stack.provisionDatabaseRoles();
			stack.provisionDatabaseRoles();

			try (var stIngest = connect(stack, DatabaseRole.ST_INGEST)) {
				assertThat(single(stIngest, "select tableowner from pg_tables where schemaname = 'st_ingest'"))
					.isEqualTo("st_ingest");
				stIngest.createStatement().execute("insert into st_ingest.fact (tenant_id) values ('1')");
				assertThat(single(stIngest, "select count(*) from st_ingest.fact")).isEqualTo("2");
			}
			try (var pricebook = connect(stack, DatabaseRole.PRICEBOOK)) {
				assertThat(single(pricebook, "select current_user || ' ' || rolsuper from pg_roles where rolname = current_user"))
					.isEqualTo("pricebook false");
				assertRefused(pricebook, "select * from st_ingest.fact");
				assertRefused(pricebook, "create table public.stray (id int)");
				assertRefused(pricebook, "create table st_ingest.stray (id int)");
				assertRefused(pricebook, "create schema stray");
				assertRefused(pricebook, "create extension if not exists hstore");
				pricebook.createStatement()
					.execute("create table pricebook.node (path pricebook.ltree, name text)");
				pricebook.createStatement()
					.execute("create index node_name_trgm on pricebook.node using gin (name pricebook.gin_trgm_ops)");
			}
			try (var field = connect(stack, DatabaseRole.FIELD)) {
				assertThat(single(field, "select current_user || ' ' || rolsuper from pg_roles where rolname = current_user"))
					.isEqualTo("field false");
				field.createStatement().execute("create table field.technician (tenant_id text not null, st_id bigint)");
				assertRefused(field, "select * from st_ingest.fact");
				assertRefused(field, "create table crm_pipeline.stray (id int)");
				assertRefused(field, "create table public.stray (id int)");
				assertRefused(field, "create extension if not exists hstore");
			}
		}
	}

	private static Connection connect(LocalStack stack, DatabaseRole role) throws SQLException {

		var credentials = stack.databaseCredentials(role);
		return DriverManager.getConnection(stack.database().jdbcUrl(), credentials.username(), credentials.password());
	}

	private static String single(Connection connection, String sql) throws SQLException {

		try (var result = connection.createStatement().executeQuery(sql)) {
			assertThat(result.next()).isTrue();
			return result.getString(1);
		}
	}

	private static void assertRefused(Connection connection, String sql) {

		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connection.createStatement().execute(sql))
			.satisfies(ex -> assertThat(ex.getSQLState()).as(ex.getMessage()).isEqualTo("42501"))
			.withMessageContaining("permission denied");
	}
}
