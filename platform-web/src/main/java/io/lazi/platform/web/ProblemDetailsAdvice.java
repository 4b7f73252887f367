package io.lazi.platform.web;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.validation.ConstraintViolationException;

import io.lazi.platform.events.TrustedHeaders;
import io.lazi.platform.web.input.ContentTooLargeException;
import io.lazi.platform.web.input.SafeText;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Maps failures to RFC 9457 problems with stable {@code type}s: unknown resource 404, bad input 400
 * with the offending {@code field}, missing tenant 400, anything unexpected 500 without internals.
 *
 * <p>Ordered first so that it, not Boot's generic problem-details handler, answers when a service
 * also sets {@code spring.mvc.problemdetails.enabled}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler(ResourceNotFoundException.class)
	ProblemDetail notFound(ResourceNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler(PreconditionFailedException.class)
	ProblemDetail preconditionFailed(PreconditionFailedException ex) {

		var problem = problem(HttpStatus.PRECONDITION_FAILED, Problems.PRECONDITION_FAILED, "Precondition failed",
				ex.getMessage());
		problem.setProperty("currentETag", ex.currentETag());
		return problem;
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {

		var problem = problem(HttpStatus.CONFLICT, Problems.CONFLICT, "Conflict", ex.getMessage());
		if (ex.field() != null) {
			problem.setProperty("field", ex.field());
		}
		return problem;
	}

	@ExceptionHandler(TenantArgumentResolver.MissingTenantException.class)
	ProblemDetail missingTenant(TenantArgumentResolver.MissingTenantException ex) {
		var problem = problem(HttpStatus.BAD_REQUEST, Problems.MISSING_TENANT, "Missing tenant", ex.getMessage());
		problem.setProperty("field", TrustedHeaders.TENANT_ID);
		return problem;
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalid(InvalidInputException ex) {
		return invalid(ex.field(), ex.getMessage());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		return invalid(ex.getName(), "must be a valid " + (ex.getRequiredType() == null ? "value"
				: ex.getRequiredType().getSimpleName().toLowerCase()));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail constraintViolation(ConstraintViolationException ex) {

		var violation = ex.getConstraintViolations().iterator().next();
		var path = violation.getPropertyPath().toString();
		return invalid(path.substring(path.lastIndexOf('.') + 1), violation.getMessage());
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {

		var error = ex.getBindingResult().getFieldErrors().stream().findFirst();
		var field = error.map(e -> e.getField()).orElse(ex.getObjectName());
		var message = error.map(e -> e.getDefaultMessage()).orElse("is invalid");
		return ResponseEntity.badRequest().body(invalid(field, message));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {

		var result = ex.getParameterValidationResults().getFirst();
		var field = result.getMethodParameter().getParameterName();
		var message = result.getResolvableErrors().getFirst().getDefaultMessage();
		return ResponseEntity.badRequest().body(invalid(field == null ? "parameter" : field, message));
	}

	/** A path no endpoint serves: the same stable not-found type as an absent resource. */
	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", "No endpoint at /" + ex.getResourcePath()));
	}

	@ExceptionHandler(ContentTooLargeException.class)
	ProblemDetail contentTooLarge(ContentTooLargeException ex) {
		return tooLarge(ex);
	}

	/**
	 * A body that cannot be read: too large (413), or not the JSON the endpoint takes (400 naming the
	 * field where Jackson knows it, e.g. {@code items[2].name}).
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {

		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ContentTooLargeException tooLarge) {
				return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
			}
			if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
				var message = cause instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class
						? SafeText.REFUSAL : "is not a valid value of the expected type";
				return ResponseEntity.badRequest().body(invalid(fieldPath(databind), message));
			}
		}
		return ResponseEntity.badRequest().body(invalid("body", "is not readable JSON of the expected shape"));
	}

	private static String fieldPath(DatabindException ex) {

		var path = new StringBuilder();
		for (var reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static ProblemDetail tooLarge(ContentTooLargeException ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, Problems.CONTENT_TOO_LARGE, "Content too large", ex.getMessage());
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {

		LOG.error("Unhandled request failure", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL, "Internal error",
				"The request failed; see the service log.");
	}

	private static ProblemDetail invalid(String field, String message) {

		var problem = problem(HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid input", field + ": " + message);
		problem.setProperty("field", field);
		problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, java.net.URI type, String title, String detail) {

		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}
}
