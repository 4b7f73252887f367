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

	@ExceptionHandler
	ResponseEntity<ApiErrorResponse> typeMismatch(MethodArgumentTypeMismatchException exception) {
		return apiException(ApiException.badRequest(exception.getName(), notValid(exception.getValue())));
	}

	/** A query string bound to an argument record (e.g. {@code pageSize=abc}): every bad field in one 400. */
	@ExceptionHandler
	ResponseEntity<ApiErrorResponse> unboundArguments(BindException exception) {

		var errors = new LinkedHashMap<String, List<String>>();
		exception.getFieldErrors().forEach(error -> errors.put(error.getField(), List.of(notValid(error.getRejectedValue()))));
		return apiException(ApiException.badRequest(errors));
	}

	@ExceptionHandler
	ResponseEntity<ApiErrorResponse> missingParameter(MissingServletRequestParameterException exception) {

		var name = exception.getParameterName();
		return apiException(ApiException.badRequest(name, "The %s field is required.".formatted(name)));
	}

	@ExceptionHandler
	ResponseEntity<ApiErrorResponse> unreadableBody(HttpMessageNotReadableException exception) {
		return apiException(ApiException.badRequest("body", "The request body is not valid JSON for this operation."));
	}

	@ExceptionHandler
	ResponseEntity<ApiErrorResponse> unsupportedMediaType(HttpMediaTypeNotSupportedException exception) {
		return apiException(new ApiException(415, "Unsupported Media Type", Map.of()));
	}

	@ExceptionHandler
	ResponseEntity<ApiErrorResponse> uploadTooLarge(MaxUploadSizeExceededException exception) {
		return apiException(ApiException.badRequest("file", "The file is larger than the simulator accepts."));
	}

	@ExceptionHandler
	ResponseEntity<ApiErrorResponse> noResource(NoResourceFoundException exception) {
		return apiException(new ApiException(404, "Not Found", Map.of()));
	}

	private static String notValid(@Nullable Object value) {
		return "The value '%s' is not valid.".formatted(value);
	}
}
