package io.lazi.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFileUnitTests {

	@TempDir
	Path directory;

	@Test
	void keepsTheSecretReadableByItsOwnerOnly() throws Exception {

		var file = directory.resolve("run/secrets/users-password");

		var secret = SecretFile.readOrCreate(file);

		assertThat(SecretFile.readOrCreate(file)).isEqualTo(secret);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(java.util.Base64.getUrlDecoder().decode(secret)).hasSize(SecretFile.SECRET_BYTES);
		assertThat(SecretFile.newSecret()).isNotEqualTo(secret);
	}

	@Test
	void keepsTheRunsSecretsInAnOwnerOnlyDirectory() throws Exception {

		var secrets = StackSecrets.readOrCreate(directory.resolve("run/secrets"));

		assertThat(StackSecrets.read(directory.resolve("run/secrets"))).contains(secrets);
		assertThat(secrets.clientSecrets()).containsOnlyKeys(StackSecrets.CLIENTS);
		assertThat(secrets.clientSecrets().values()).doesNotHaveDuplicates().doesNotContain(secrets.usersPassword());
		assertThat(secrets.kafkaCredentials().passwords()).containsOnlyKeys(KafkaCredentials.USERS)
			.containsKeys("lazi-admin", "lazi-broker", "st-ingest-service", "notification-service", "field-service");
		assertThat(secrets.kafkaCredentials().passwords().values()).doesNotHaveDuplicates()
			.doesNotContainAnyElementsOf(secrets.clientSecrets().values());
		assertThat(secrets.databasePasswords()).containsOnlyKeys("st_ingest", "pricebook", "image", "crm_pipeline", "field");
		assertThat(secrets.databasePasswords().values()).doesNotHaveDuplicates()
			.doesNotContainAnyElementsOf(secrets.clientSecrets().values());
		assertThat(secrets.databasePasswordFile(DatabaseRole.PRICEBOOK)).content()
			.isEqualTo(secrets.databasePassword(DatabaseRole.PRICEBOOK) + "\n");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.directory()))).isEqualTo("rwx------");
		try (var files = Files.list(secrets.directory())) {
			assertThat(files).allSatisfy(file -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
				.isEqualTo("rw-------"));
		}
		assertThat(StackSecrets.read(directory.resolve("elsewhere"))).isEmpty();
	}

	@Test
	void addsTheSecretsOfANewServiceToTheRunDirectoryOfAnOlderStack() throws Exception {

		var older = StackSecrets.readOrCreate(directory.resolve("older/secrets"));
		Files.delete(older.databasePasswordFile(DatabaseRole.FIELD));

		assertThat(StackSecrets.read(directory.resolve("older/secrets"))).as("not all made by ./lazi up").isEmpty();
		var upgraded = StackSecrets.readOrCreate(directory.resolve("older/secrets"));
		assertThat(upgraded.databasePassword(DatabaseRole.FIELD)).isNotBlank()
			.isNotEqualTo(older.databasePassword(DatabaseRole.FIELD));
		assertThat(upgraded.databasePassword(DatabaseRole.PRICEBOOK)).isEqualTo(older.databasePassword(DatabaseRole.PRICEBOOK));
		assertThat(upgraded.clientSecrets()).isEqualTo(older.clientSecrets());
	}
}
