package io.lazi.stsimulator.errors;

import java.util.List;
import java.util.Map;

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
 * (the media type ServiceTitan's spec declares for error bodies).
 */
@RestControllerAdvice
class ApiExceptionHandler {

	@ExceptionHandler
	ResponseEntity<ApiErrorResponse> apiException(ApiException exception) {
		return respond(exception.toResponse());
	}

	@ExceptionHandler
	ResponseEntity<ApiErrorResponse> typeMismatch(MethodArgumentTypeMismatchException exception) {
		return respond(ApiErrorResponse.of(400, "One or more validation errors occurred.",
				Map.of(exception.getName(), List.of("The value '%s' is not valid.".formatted(exception.getValue())))));
	}

	/** A query string bound to an argument record (e.g. {@code pageSize=abc}): every bad field in one 400. */
	@ExceptionHandler
	ResponseEntity<ApiErrorResponse> unboundArguments(BindException exception) {

		var errors = new java.util.LinkedHashMap<String, List<String>>();
		exception.getFieldErrors()
			.forEach(error -> errors.put(error.getField(),
					List.of("The value '%s' is not valid.".formatted(error.getRejectedValue()))));
		return respond(ApiErrorResponse.of(400, "One or more validation errors occurred.", errors));
	}

	@ExceptionHandler
	ResponseEntity<ApiErrorResponse> missingParameter(MissingServletRequestParameterException exception) {
		return respond(ApiErrorResponse.of(400, "One or more validation errors occurred.",
				Map.of(exception.getParameterName(), List.of("The %s field is required.".formatted(exception.getParameterName())))));
	}

	@ExceptionHandler
	ResponseEntity<ApiErrorResponse> unreadableBody(HttpMessageNotReadableException exception) {
		return respond(ApiErrorResponse.of(400, "One or more validation errors occurred.",
				Map.of("body", List.of("The request body is not valid JSON for this operation."))));
	}

	@ExceptionHandler
	ResponseEntity<ApiErrorResponse> unsupportedMediaType(HttpMediaTypeNotSupportedException exception) {
		return respond(ApiErrorResponse.of(415, "Unsupported Media Type", Map.of()));
	}

	@ExceptionHandler
	ResponseEntity<ApiErrorResponse> uploadTooLarge(MaxUploadSizeExceededException exception) {
		return respond(ApiErrorResponse.of(400, "One or more validation errors occurred.",
				Map.of("file", List.of("The file is larger than the simulator accepts."))));
	}

	@ExceptionHandler
	ResponseEntity<ApiErrorResponse> noResource(NoResourceFoundException exception) {
		return respond(ApiErrorResponse.of(404, "Not Found", Map.of()));
	}

	private static ResponseEntity<ApiErrorResponse> respond(ApiErrorResponse body) {
		return ResponseEntity.status(HttpStatus.valueOf(body.status())).contentType(MediaType.APPLICATION_JSON).body(body);
	}
}
