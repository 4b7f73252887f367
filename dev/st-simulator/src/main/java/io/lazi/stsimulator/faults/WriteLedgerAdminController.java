package io.lazi.stsimulator.faults;

import java.util.Map;

import io.lazi.stsimulator.errors.ApiException;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API of the {@link WriteLedger}. No authentication.
 * <ul>
 * <li>{@code GET /admin/faults/writes?tenant=3222348440} → {@code {"40000101": {"PATCH": 1}, ...}}: the
 * category writes ServiceTitan applied, per category id and method (a create under its new id).</li>
 * <li>{@code DELETE /admin/faults/writes} → 204, counts and lost-answer plans gone.</li>
 * <li>{@code POST /admin/faults/lost-answers} body {@code {"tenant": 3222348440, "times": 3}} → 201 with
 * {@code {"<tenant>": 3}}: the tenant's next {@code times} applied category writes answer 504
 * instead, though ServiceTitan keeps them; {@code times: 0} cancels the plan. With a {@code categoryId}
 * (or {@code times: -1}, until reset) the body is a {@link LostAnswers} rule instead → 201 with the rule
 * {@code {"id", "tenant", "categoryId", "remaining"}}: the next {@code times} (default 1) writes of the tenant
 * ({@code PATCH}/{@code DELETE} of that category) lose their answer mid-answer. Both were merged onto this
 * one path; a second mapping of it kept the simulator from starting.</li>
 * </ul>
 */
@RestController
@RequestMapping("/admin/faults")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WriteLedgerAdminController {

	private final WriteLedger ledger;

	private final LostAnswers rules;

	@GetMapping("/writes")
	Map<Long, Map<String, Integer>> writes(@RequestParam long tenant) {
		return ledger.writes(tenant);
	}

	@DeleteMapping("/writes")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void reset() {
		ledger.reset();
	}

	@PostMapping("/lost-answers")
	@ResponseStatus(HttpStatus.CREATED)
	Object loseAnswers(@RequestBody LostAnswersRequest request) {

		if (request.tenant() == null) {
			throw ApiException.badRequest("tenant", "The tenant field is required.");
		}
		if (request.categoryId() != null || request.times() == null || request.times() == -1) {
			var times = request.times() == null ? 1 : request.times();
			if (times == 0 || times < -1) {
				throw ApiException.badRequest("times", "The times field must be at least 1, or -1 for until reset.");
			}
			return rules.add(request.tenant(), request.categoryId(), times);
		}
		if (request.times() < 0) {
			throw ApiException.badRequest("times", "The times field must be at least 0.");
		}
		ledger.loseAnswers(request.tenant(), request.times());
		return ledger.plannedLostAnswers();
	}

	/** The body of {@code POST /admin/faults/lost-answers}. */
	record LostAnswersRequest(@Nullable Long tenant, @Nullable Long categoryId, @Nullable Integer times) {
	}
}
