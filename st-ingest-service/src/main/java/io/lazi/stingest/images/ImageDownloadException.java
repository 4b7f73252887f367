package io.lazi.stingest.images;

/**
 * A CDN download failed: an unusable redirect, a non-2xx answer, a body over the size limit, a timeout
 * or an I/O error. The message names the host, never the query of the URL.
 */
public class ImageDownloadException extends RuntimeException {

	ImageDownloadException(String message) {
		super(message);
	}

	ImageDownloadException(String message, Throwable cause) {
		super(message, cause);
	}
}
