package io.lazi.pricebook.category.edit;

/** image-service could not say whether an upload exists; the edit is refused with 503 and nothing written. */
public class UploadCheckException extends RuntimeException {

	public UploadCheckException(String message, Throwable cause) {
		super(message, cause);
	}
}
