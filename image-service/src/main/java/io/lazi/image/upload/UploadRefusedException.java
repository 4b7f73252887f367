package io.lazi.image.upload;

import org.springframework.http.HttpStatus;

/**
 * An upload was refused: 415 for a claimed type other than PNG, JPEG, WebP or GIF or bytes that do not
 * match it, 413 for a file over the size limit, 400 for a missing or empty file. Nothing is stored.
 *
 * @see #status()
 */
public class UploadRefusedException extends RuntimeException {

	private final HttpStatus status;

	UploadRefusedException(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	public HttpStatus status() {
		return status;
	}
}
