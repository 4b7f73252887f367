package io.lazi.image.serving;

/**
 * st-ingest-service (or ServiceTitan behind it) could not deliver an image: an error answer, a timeout,
 * or bytes that are not a supported image. Answers 502; the message never carries image bytes.
 */
public class UpstreamImageException extends RuntimeException {

	UpstreamImageException(String message) {
		super(message);
	}

	UpstreamImageException(String message, Throwable cause) {
		super(message, cause);
	}
}
