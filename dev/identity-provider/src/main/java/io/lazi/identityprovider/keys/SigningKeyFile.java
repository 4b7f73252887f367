package io.lazi.identityprovider.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.EnumSet;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The RSA signing key in a JSON Web Key file (RFC 7517, private parameters included). The first
 * start generates a 2048-bit key whose {@code kid} is its RFC 7638 thumbprint, so the {@code kid}
 * stays the same for as long as the file does, and writes it readable and writable by its owner
 * only (mode 600). A file that others may read is refused: whoever reads it can mint tokens.
 */
public final class SigningKeyFile {

	private static final int KEY_BITS = 2048;

	private static final EnumSet<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE);

	private SigningKeyFile() {
	}

	/**
	 * The key in {@code file}, generated and written first when the file does not exist.
	 * @throws IllegalStateException when the file is not a private RSA JWK, or group or others may
	 * access it
	 * @throws UncheckedIOException when it cannot be read or written
	 */
	public static RSAKey loadOrCreate(Path file) {

		try {
			if (!Files.exists(file)) {
				create(file);
			}
			return load(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or write the signing key file " + file, ex);
		}
	}

	private static void create(Path file) throws IOException {

		var directory = file.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		var key = generate();
		var temporary = Files.createTempFile(directory, ".signing-key", ".tmp",
				PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		try {
			Files.writeString(temporary, key.toJSONString());
			// A link appears complete or not at all and, unlike a rename, never replaces: when another start
			// created the file first, its key is the one both use.
			Files.createLink(file, temporary);
		}
		catch (FileAlreadyExistsException ex) {
			// another start created it in between; that key is the one
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static RSAKey load(Path file) throws IOException {

		var permissions = Files.getPosixFilePermissions(file);
		if (!OWNER_ONLY.containsAll(permissions)) {
			throw new IllegalStateException("The signing key file " + file + " may be accessed by others ("
					+ PosixFilePermissions.toString(permissions) + "): chmod 600 it, or delete it to make a new key");
		}
		try {
			var jwk = JWK.parse(Files.readString(file));
			if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate() || rsa.getKeyID() == null) {
				throw new IllegalStateException("The signing key file " + file
						+ " does not hold a private RSA key with a kid; delete it to make a new key");
			}
			return rsa;
		}
		catch (ParseException ex) {
			throw new IllegalStateException("The signing key file " + file + " is not a JSON Web Key: " + ex.getMessage()
					+ "; delete it to make a new key", ex);
		}
	}

	private static RSAKey generate() {

		try {
			return new RSAKeyGenerator(KEY_BITS).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyIDFromThumbprint(true)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate an RSA key", ex);
		}
	}
}
