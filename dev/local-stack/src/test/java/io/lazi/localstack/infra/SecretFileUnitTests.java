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

		var file = directory.resolve("run/jwt-secret");

		var secret = SecretFile.readOrCreate(file);

		assertThat(SecretFile.readOrCreate(file)).isEqualTo(secret);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}
}
