package io.lazi.localstack.infra;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * One secret of a run directory in a file of its own: created once with {@link #newSecret()},
 * readable by its owner only (mode 600).
 */
public final class SecretFile {

	/** Random bytes in a secret made by {@link #newSecret()}. */
	public static final int SECRET_BYTES = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	private SecretFile() {
	}

	/** A new random secret: {@value #SECRET_BYTES} bytes from {@link SecureRandom}, base64url encoded without padding. */
	public static String newSecret() {

		var bytes = new byte[SECRET_BYTES];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The secret in {@code file}, created (with its directory) when there is none yet. */
	public static String readOrCreate(Path file) throws IOException {

		var existing = read(file);
		if (existing.isPresent()) {
			return existing.get();
		}
		Files.createDirectories(file.getParent());
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			Files.createFile(file);
		}
		catch (FileAlreadyExistsException ex) {
			return read(file).orElseThrow();
		}
		var secret = newSecret();
		Files.writeString(file, secret + "\n");
		return secret;
	}

	/** The secret in {@code file}; empty when the file is missing or blank. */
	public static Optional<String> read(Path file) throws IOException {

		if (!Files.exists(file)) {
			return Optional.empty();
		}
		var secret = Files.readString(file).strip();
		return secret.isEmpty() ? Optional.empty() : Optional.of(secret);
	}
}
