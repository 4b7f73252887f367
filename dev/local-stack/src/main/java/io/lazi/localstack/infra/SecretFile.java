package io.lazi.localstack.infra;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The JWT secret of a run directory: created once with {@link DevTokens#newSecret()}, readable by
 * its owner only (mode 600).
 */
public final class SecretFile {

	private SecretFile() {
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
		var secret = DevTokens.newSecret();
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
