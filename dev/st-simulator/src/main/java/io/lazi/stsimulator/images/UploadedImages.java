package io.lazi.stsimulator.images;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The images uploaded through {@code Images_Post}, by tenant and storage path, kept in memory for
 * the simulator's lifetime (ServiceTitan keeps them in temporary storage until an item refers to
 * them; the simulator serves them at once and never expires them). Recognises PNG, JPEG, GIF, WebP
 * and BMP by their leading bytes. Thread-safe.
 */
@Component
class UploadedImages {

	private final Map<Long, Map<String, ImageFile>> tenants = new ConcurrentHashMap<>();

	/**
	 * Stores an upload under a new path {@code Images/Upload/{uuid}-{name}.{ext}}.
	 *
	 * @param tenant the tenant id
	 * @param fileName the uploaded file name, may be null
	 * @param bytes the file content
	 * @return the storage path, empty when the bytes are no recognised image
	 */
	Optional<String> store(long tenant, @Nullable String fileName, byte[] bytes) {

		return Kind.of(bytes).map(kind -> {
			var path = "Images/Upload/" + UUID.randomUUID() + "-" + baseName(fileName) + "." + kind.extension;
			tenants.computeIfAbsent(tenant, key -> new ConcurrentHashMap<>())
				.put(path, new ImageFile(bytes.clone(), kind.mediaType));
			return path;
		});
	}

	/**
	 * @param tenant the tenant id
	 * @param path a storage path
	 * @return the uploaded image at that path, if any
	 */
	Optional<ImageFile> find(long tenant, String path) {
		return Optional.ofNullable(tenants.getOrDefault(tenant, Map.of()).get(path));
	}

	private static String baseName(@Nullable String fileName) {

		var name = fileName == null ? "" : fileName.substring(fileName.lastIndexOf('/') + 1).replaceFirst("\\.[^.]*$", "");
		var slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		return slug.isEmpty() ? "image" : slug;
	}

	private enum Kind {

		PNG("png", MediaType.IMAGE_PNG, new int[] { 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }),
		JPEG("jpg", MediaType.IMAGE_JPEG, new int[] { 0xFF, 0xD8, 0xFF }),
		GIF("gif", MediaType.IMAGE_GIF, new int[] { 'G', 'I', 'F', '8' }),
		WEBP("webp", MediaType.parseMediaType("image/webp"), new int[] { 'R', 'I', 'F', 'F' }),
		BMP("bmp", MediaType.parseMediaType("image/bmp"), new int[] { 'B', 'M' });

		private final String extension;

		private final MediaType mediaType;

		private final int[] magic;

		Kind(String extension, MediaType mediaType, int[] magic) {

			this.extension = extension;
			this.mediaType = mediaType;
			this.magic = magic;
		}

		static Optional<Kind> of(byte[] bytes) {
			return Arrays.stream(values()).filter(kind -> kind.matches(bytes)).findFirst();
		}

		private boolean matches(byte[] bytes) {

			if (bytes.length < Math.max(magic.length, this == WEBP ? 12 : 0)) {
				return false;
			}
			for (var index = 0; index < magic.length; index++) {
				if ((bytes[index] & 0xFF) != magic[index]) {
					return false;
				}
			}
			return this != WEBP || new String(bytes, 8, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("WEBP");
		}
	}
}
