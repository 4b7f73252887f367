package io.lazi.image.upload;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.image.content.ImageContent;
import io.lazi.image.content.ImageType;
import io.lazi.platform.web.Tenant;

/**
 * Accepts uploads: the claimed type must be PNG, JPEG, WebP or GIF (else 415), the size at most
 * {@code lazi.image.upload.max-size} (else 413), and the bytes' sniffed type the claimed one (else
 * 415). Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Uploads {

	private static final int MAX_FILE_NAME = 255;

	private final UploadRepository repository;

	private final UploadProperties properties;

	/** The largest accepted upload, in bytes. */
	public long maxBytes() {
		return properties.maxSize().toBytes();
	}

	/**
	 * Checks and stores one upload of the tenant.
	 *
	 * @param claimedType the part's {@code Content-Type}, as the client sent it
	 * @param size the size the client declared, checked before the bytes are read
	 * @throws UploadRefusedException when it is refused (nothing stored)
	 */
	@Transactional
	public UploadedImage accept(Tenant tenant, @Nullable String fileName, @Nullable String claimedType, long size,
			BytesSupplier bytes) {

		var claimed = claimedType == null ? Optional.<ImageType>empty() : ImageType.ofMediaType(claimedType);
		if (claimed.isEmpty()) {
			throw new UploadRefusedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"file: type " + claimedType + " is not one of image/png, image/jpeg, image/webp, image/gif");
		}
		if (size > maxBytes()) {
			throw tooLarge();
		}
		var data = bytes.get();
		if (data.length == 0) {
			throw new UploadRefusedException(HttpStatus.BAD_REQUEST, "file: is empty");
		}
		if (data.length > maxBytes()) {
			throw tooLarge();
		}
		var content = ImageContent.sniff(data)
			.filter(sniffed -> sniffed.type() == claimed.get())
			.orElseThrow(() -> new UploadRefusedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"file: the bytes are not " + claimed.get().mediaType()));
		var image = new UploadedImage(UUID.randomUUID(), tenant.id(), trim(fileName), content, null, Instant.now());
		repository.insert(image);
		return image;
	}

	/** The upload {@code id} of the tenant; empty for another tenant's. */
	@Transactional(readOnly = true)
	public Optional<UploadedImage> find(Tenant tenant, UUID id) {
		return repository.find(tenant, id);
	}

	private UploadRefusedException tooLarge() {
		return new UploadRefusedException(HttpStatus.CONTENT_TOO_LARGE, "file: larger than " + maxBytes() + " bytes");
	}

	private static @Nullable String trim(@Nullable String fileName) {
		if (fileName == null || fileName.isBlank()) {
			return null;
		}
		return fileName.length() > MAX_FILE_NAME ? fileName.substring(0, MAX_FILE_NAME) : fileName;
	}

	/** Reads the upload's bytes (the multipart part's content). */
	@FunctionalInterface
	public interface BytesSupplier {

		byte[] get();
	}
}
