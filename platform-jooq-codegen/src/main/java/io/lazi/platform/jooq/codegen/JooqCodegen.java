package io.lazi.platform.jooq.codegen;

import java.nio.file.Path;

import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Build-time jOOQ generation: starts a throwaway embedded PostgreSQL (real binaries), applies one
 * service's Flyway migrations to its schema and generates jOOQ classes from the result.
 *
 * <p>Arguments: migration folder, schema name, target package, target directory. Invoked by the
 * {@code jooq-codegen} execution that {@code platform-parent} defines; the generated sources are
 * build output and never committed. {@code ltree} columns map to jOOQ's {@code Ltree} type.
 */
public final class JooqCodegen {

	/** Held so the level set on it is not lost to garbage collection; Flyway logs through JUL here. */
	private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

	private JooqCodegen() {
	}

	public static void main(String[] args) throws Exception {

		if (args.length != 4) {
			throw new IllegalArgumentException("usage: JooqCodegen <migrations dir> <schema> <package> <target dir>");
		}
		// Runs inside the Maven JVM: keep the build log to what matters.
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
		var migrations = Path.of(args[0]).toAbsolutePath();
		var schema = args[1];
		var packageName = args[2];
		var targetDir = args[3];

		try (var postgres = EmbeddedPostgres.builder().start()) {
			var url = postgres.getJdbcUrl("postgres", "postgres");
			Flyway.configure()
				.dataSource(url, "postgres", "postgres")
				.schemas(schema)
				.locations("filesystem:" + migrations)
				.load()
				.migrate();
			GenerationTool.generate(configuration(url, schema, packageName, targetDir));
		}
	}

	private static Configuration configuration(String url, String schema, String packageName, String targetDir) {

		var ltree = new ForcedType()
			.withUserType("org.jooq.postgres.extensions.types.Ltree")
			.withBinding("org.jooq.postgres.extensions.bindings.LtreeBinding")
			.withIncludeTypes("ltree");
		return new Configuration()
			.withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url).withUser("postgres").withPassword("postgres"))
			.withGenerator(new Generator()
				.withDatabase(new Database()
					.withName("org.jooq.meta.postgres.PostgresDatabase")
					.withInputSchema(schema)
					.withExcludes("flyway_schema_history")
					.withForcedTypes(ltree))
				.withGenerate(new Generate()
					.withJavaTimeTypes(true)
					.withRoutines(false)
					.withSequences(true)
					.withRecords(true)
					.withPojos(false)
					.withDaos(false)
					.withFluentSetters(true))
				.withTarget(new Target().withPackageName(packageName).withDirectory(targetDir)));
	}
}
