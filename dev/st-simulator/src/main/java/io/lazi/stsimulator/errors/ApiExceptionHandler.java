package io.lazi.stsimulator.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers every handled failure with ServiceTitan's {@link ApiErrorResponse} as {@code application/json}
 * (the media type ServiceTitan's spec declares for error bodies): each framework failure is answered
 * as the {@link ApiException} it stands for.
 */
@RestControllerAdvice
class ApiExceptionHandler {

	@ExceptionHandler
	ResponseEntity<ApiErrorResponse> apiException(ApiException exception) {
		return ResponseEntity.status(HttpStatus.valueOf(exception.status()))
			.contentType(MediaType.APPLICATION_JSON)
			.body(exception.toResponse());
	}

	/**
	 * The framework's own failures, each answered as the {@link ApiException} ServiceTitan would raise;
	 * a query string bound to an argument record (e.g. {@code pageSize=abc}) reports every bad field in
	 * one 400.
	 */
	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, BindException.class,
			MissingServletRequestParameterException.class, HttpMessageNotReadableException.class,
			HttpMediaTypeNotSupportedException.class, MaxUploadSizeExceededException.class, NoResourceFoundException.class })
	ResponseEntity<ApiErrorResponse> frameworkFailure(Exception exception) {
		return apiException(switch (exception) {
			case MethodArgumentTypeMismatchException mismatch ->
				ApiException.badRequest(mismatch.getName(), notValid(mismatch.getValue()));
			case BindException unbound -> ApiException.badRequest(fieldErrors(unbound));
			case MissingServletRequestParameterException missing -> ApiException.badRequest(missing.getParameterName(),
					"The %s field is required.".formatted(missing.getParameterName()));
			case HttpMessageNotReadableException unreadable ->
				ApiException.badRequest("body", "The request body is not valid JSON for this operation.");
			case HttpMediaTypeNotSupportedException unsupported -> new ApiException(415, "Unsupported Media Type", Map.of());
			case MaxUploadSizeExceededException tooLarge ->
				ApiException.badRequest("file", "The file is larger than the simulator accepts.");
			case NoResourceFoundException noResource -> new ApiException(404, "Not Found", Map.of());
			default -> throw new IllegalArgumentException("Not a failure this handler declares", exception);
		});
	}

	private static Map<String, List<String>> fieldErrors(BindException exception) {

		var errors = new LinkedHashMap<String, List<String>>();
		exception.getFieldErrors().forEach(error -> errors.put(error.getField(), List.of(notValid(error.getRejectedValue()))));
		return errors;
	}

	private static String notValid(@Nullable Object value) {
		return "The value '%s' is not valid.".formatted(value);
	}
}
