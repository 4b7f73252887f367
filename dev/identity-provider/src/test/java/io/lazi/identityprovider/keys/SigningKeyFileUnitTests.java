package io.lazi.identityprovider.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyFileUnitTests {

	@TempDir
	Path directory;

	@Test
	void firstStartWritesAnOwnerOnlyKeyThatLaterStartsReuse() throws Exception {

		var file = directory.resolve("keys/signing-key.json");
		var created = SigningKeyFile.loadOrCreate(file);
		var reloaded = SigningKeyFile.loadOrCreate(file);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(created.isPrivate()).isTrue();
		assertThat(created.getModulus().decode().length * 8).isEqualTo(2048);
		assertThat(created.getKeyID()).isEqualTo(created.computeThumbprint().toString());
		assertThat(reloaded.getKeyID()).isEqualTo(created.getKeyID());
		assertThat(reloaded.toRSAPrivateKey()).isEqualTo(created.toRSAPrivateKey());
		try (var leftovers = Files.list(file.getParent())) {
			assertThat(leftovers).containsExactly(file);
		}
	}

	@Test
	void refusesAKeyFileOthersMayRead() throws Exception {

		var file = directory.resolve("signing-key.json");
		SigningKeyFile.loadOrCreate(file);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

		assertThatIllegalStateException().isThrownBy(() -> SigningKeyFile.loadOrCreate(file))
			.withMessageContaining("chmod 600");
	}

	@Test
	void refusesAFileThatIsNoKey() throws Exception {

		var file = directory.resolve("signing-key.json");
		Files.writeString(file, "{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

		assertThatIllegalStateException().isThrownBy(() -> SigningKeyFile.loadOrCreate(file))
			.withMessageContaining("private RSA key");
	}
}
