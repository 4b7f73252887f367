package io.lazi.image.content;

import java.util.Arrays;
import java.util.Optional;

import org.springframework.http.MediaType;

/** The image formats Lazi stores and serves, by their IANA media type. */
public enum ImageType {

	PNG("image/png"), JPEG("image/jpeg"), WEBP("image/webp"), GIF("image/gif");

	private final String mediaType;

	ImageType(String mediaType) {
		this.mediaType = mediaType;
	}

	/** E.g. {@code image/png}. */
	public String mediaType() {
		return mediaType;
	}

	public MediaType toMediaType() {
		return MediaType.parseMediaType(mediaType);
	}

	/** The type with media type {@code value} (parameters ignored, case-insensitive); empty for others. */
	public static Optional<ImageType> ofMediaType(String value) {

		var bare = value.split(";", 2)[0].strip();
		return Arrays.stream(values()).filter(type -> type.mediaType.equalsIgnoreCase(bare)).findFirst();
	}
}
