package io.lazi.image.content;

import java.time.Duration;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * HTTP answers of image bytes: {@code Content-Type} from the sniffed type, {@code ETag},
 * {@code Cache-Control: private, max-age=…} (images are tenant-scoped), {@code Content-Length},
 * {@code X-Content-Type-Options: nosniff}; 304 without a body when {@code If-None-Match} matches.
 */
public final class ImageResponses {

	private ImageResponses() {
	}

	public static ResponseEntity<byte[]> of(ImageContent content, @Nullable String ifNoneMatch, Duration maxAge) {

		var cache = CacheControl.maxAge(maxAge).cachePrivate();
		if (matches(ifNoneMatch, content.etag())) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(content.etag()).cacheControl(cache).build();
		}
		return ResponseEntity.ok()
			.contentType(content.type().toMediaType())
			.contentLength(content.size())
			.eTag(content.etag())
			.cacheControl(cache)
			.header("X-Content-Type-Options", "nosniff")
			.body(content.bytes());
	}

	/** RFC 9110 weak comparison of {@code If-None-Match} with {@code etag}; {@code *} matches. */
	static boolean matches(@Nullable String ifNoneMatch, String etag) {

		if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
			return false;
		}
		var bare = etag.startsWith("W/") ? etag.substring(2) : etag;
		return Arrays.stream(ifNoneMatch.split(","))
			.map(String::strip)
			.map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
			.anyMatch(tag -> tag.equals("*") || tag.equals(bare));
	}
}
