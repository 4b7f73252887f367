package io.lazi.pricebook.category;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.lazi.platform.web.Problems;

/**
 * Thrown when an edit cannot be applied to the item in its current state (a move under its own
 * subtree, a delete of an item with children, an already resolved conflict, …); answers 409
 * {@link Problems#CONFLICT}.
 */
public class EditRefusedException extends ErrorResponseException {

	public EditRefusedException(String message) {
		super(HttpStatus.CONFLICT, problem(message), null);
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

	private static ProblemDetail problem(String message) {

		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, message);
		problem.setType(Problems.CONFLICT);
		problem.setTitle("Conflict");
		return problem;
	}
}
