package io.lazi.stsimulator.faults;

import java.util.List;
import java.util.Map;

import io.lazi.stsimulator.errors.ApiException;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API of {@link LostAnswers}. No authentication. {@code POST /admin/faults/reset} clears its rules
 * too (the write counts stay).
 * <ul>
 * <li>{@code POST /admin/faults/lost-answers} body {@code {"tenant": 3222348440, "categoryId": 40000001,
 * "times": 1}} → 201 with the rule {@code {"id", "tenant", "categoryId", "remaining"}}: the next
 * {@code times} (at least 1, or -1 until reset; default 1) category writes of the tenant that
 * ServiceTitan applies ({@code categoryId} null or absent: any create, update or delete; otherwise
 * {@code PATCH}/{@code DELETE} of that category) lose their answer: the connection ends mid-answer.</li>
 * <li>{@code GET /admin/faults/lost-answers} → the rules, spent ones with {@code remaining: 0}.</li>
 * <li>{@code DELETE /admin/faults/lost-answers} → 204, rules and write counts gone.</li>
 * <li>{@code GET /admin/stats/writes/{tenant}} → {@code {"<categoryId>": n}}: category write calls
 * ServiceTitan applied per item (creates under the new id), answered or not, since the last reset.</li>
 * </ul>
 * Bad input is a 400 {@code ApiErrorResponse} naming the field, and changes nothing.
 */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LostAnswersAdminController {

	private final LostAnswers lostAnswers;

	@PostMapping("/admin/faults/lost-answers")
	@ResponseStatus(HttpStatus.CREATED)
	LostAnswers.LostAnswer add(@RequestBody LostAnswerRequest request) {

		if (request.tenant() == null) {
			throw ApiException.badRequest("tenant", "The tenant field is required.");
		}
		var times = request.times() == null ? 1 : request.times();
		if (times == 0 || times < -1) {
			throw ApiException.badRequest("times", "The times field must be at least 1, or -1 for until reset.");
		}
		return lostAnswers.add(request.tenant(), request.categoryId(), times);
	}

	@GetMapping("/admin/faults/lost-answers")
	List<LostAnswers.LostAnswer> rules() {
		return lostAnswers.rules();
	}

	@DeleteMapping("/admin/faults/lost-answers")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void clear() {
		lostAnswers.reset();
	}

	@GetMapping("/admin/stats/writes/{tenant}")
	Map<Long, Long> writes(@PathVariable long tenant) {
		return lostAnswers.writes(tenant);
	}

	/**
	 * The body of {@code POST /admin/faults/lost-answers}.
	 */
	record LostAnswerRequest(@Nullable Long tenant, @Nullable Long categoryId, @Nullable Integer times) {
	}
}
