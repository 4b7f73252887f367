package io.lazi.image.content;

import java.util.HexFormat;

import org.apache.tika.Tika;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Image bytes with their sniffed type and strong ETag ({@code "<first 32 hex digits of SHA-256>"},
 * quoted). Treat {@code bytes} as read-only.
 *
 * @param bytes the image, 1 byte or more
 * @param type the format detected from the bytes
 * @param etag quoted strong entity tag
 */
public record ImageContent(byte[] bytes, ImageType type, String etag) {

	private static final Tika TIKA = new Tika();

	/**
	 * The content of {@code bytes} when their magic numbers say PNG, JPEG, WebP or GIF.
	 *
	 * @return empty for an empty array or any other format
	 */
	public static Optional<ImageContent> sniff(byte[] bytes) {

		if (bytes.length == 0) {
			return Optional.empty();
		}
		return ImageType.ofMediaType(TIKA.detect(bytes)).map(type -> new ImageContent(bytes, type, etagOf(bytes)));
	}

	/** Content whose type and ETag were computed before (read back from the database). */
	public static ImageContent stored(byte[] bytes, String mediaType, String etag) {
		return new ImageContent(bytes, ImageType.ofMediaType(mediaType)
			.orElseThrow(() -> new IllegalStateException("Stored image has unsupported type " + mediaType)), etag);
	}

	/** Size in bytes. */
	public int size() {
		return bytes.length;
	}

	private static String etagOf(byte[] bytes) {

		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(bytes);
			return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JDK", ex);
		}
	}
}
