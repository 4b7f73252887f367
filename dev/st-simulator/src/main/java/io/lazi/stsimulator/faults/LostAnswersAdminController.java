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
 * "times": 1}} (or {@code "item": "jobs/80000017"} instead of {@code categoryId}) → 201 with the rule
 * {@code {"id", "tenant", "categoryId", "item", "remaining"}}: the next {@code times} (at least 1, or -1 until
 * reset; default 1) write calls of the tenant that ServiceTitan applies (neither {@code categoryId} nor
 * {@code item}: any write, creates included; otherwise {@code PATCH}/{@code DELETE} of that category or the
 * writes of that item) lose their answer: the connection ends mid-answer.</li>
 * <li>{@code GET /admin/faults/lost-answers} → the rules, spent ones with {@code remaining: 0}.</li>
 * <li>{@code DELETE /admin/faults/lost-answers} → 204, rules and write counts gone.</li>
 * <li>{@code GET /admin/stats/writes/{tenant}} → {@code {"<categoryId>": n}}: category write calls ServiceTitan
 * applied per item (creates under the new id), answered or not, since the last reset.</li>
 * <li>{@code GET /admin/stats/writes/{tenant}/all} → the same for every write call: categories by bare id, the
 * rest as {@code {"<resource>/<id>": n}} ({@code customers/…}, {@code jobs/…}, {@code appointments/…} — the
 * assign and unassign calls count for their appointment —, {@code estimates/…}).</li>
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
		WriteTargets.check(request.categoryId(), request.item());
		return lostAnswers.add(request.tenant(), request.categoryId(), request.item(), times);
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
	Map<String, Long> writes(@PathVariable long tenant) {
		return lostAnswers.writes(tenant);
	}

	@GetMapping("/admin/stats/writes/{tenant}/all")
	Map<String, Long> allWrites(@PathVariable long tenant) {
		return lostAnswers.allWrites(tenant);
	}

	/**
	 * The body of {@code POST /admin/faults/lost-answers}.
	 */
	record LostAnswerRequest(@Nullable Long tenant, @Nullable Long categoryId, @Nullable String item,
			@Nullable Integer times) {
	}
}
