package io.lazi.stsimulator.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ends a request with ServiceTitan's {@link ApiErrorResponse}. Thrown by request handlers; turned
 * into the response body by the simulator's exception handler.
 */
public class ApiException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final Map<String, List<String>> errors;

	/**
	 * Creates an exception answering the given status.
	 *
	 * @param status the HTTP status code
	 * @param title the summary, also the exception message
	 * @param errors the validation messages by field, may be empty
	 */
	public ApiException(int status, String title, Map<String, List<String>> errors) {

		super(title);
		this.status = status;
		this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
	}

	/**
	 * A 400 for one invalid field.
	 *
	 * @param field the offending field or query parameter
	 * @param message what is wrong with it
	 * @return the exception
	 */
	public static ApiException badRequest(String field, String message) {
		return badRequest(Map.of(field, List.of(message)));
	}

	/**
	 * A 400 for one or more invalid fields, ServiceTitan's model-validation answer.
	 *
	 * @param errors the messages by field or query parameter, in the order to report them
	 * @return the exception
	 */
	public static ApiException badRequest(Map<String, List<String>> errors) {
		return new ApiException(400, "One or more validation errors occurred.", errors);
	}

	/**
	 * A 404 for a missing entity.
	 *
	 * @param what a description of the entity that was not found
	 * @return the exception
	 */
	public static ApiException notFound(String what) {
		return new ApiException(404, what + " was not found.", Map.of());
	}

	/**
	 * A 409 for a write the record's state does not allow (e.g. completing a canceled job).
	 *
	 * @param why what conflicts
	 * @return the exception
	 */
	public static ApiException conflict(String why) {
		return new ApiException(409, why, Map.of());
	}

	/**
	 * @return the response body this exception stands for
	 */
	public ApiErrorResponse toResponse() {
		return ApiErrorResponse.of(status, getMessage(), errors);
	}

	/**
	 * @return the HTTP status code
	 */
	public int status() {
		return status;
	}
}
