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
 * instead, though ServiceTitan keeps them; {@code times: 0} cancels the plan.</li>
 * </ul>
 */
@RestController
@RequestMapping("/admin/faults")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WriteLedgerAdminController {

	private final WriteLedger ledger;

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
	Map<Long, Integer> loseAnswers(@RequestBody LostAnswersRequest request) {

		if (request.tenant() == null) {
			throw ApiException.badRequest("tenant", "The tenant field is required.");
		}
		if (request.times() == null || request.times() < 0) {
			throw ApiException.badRequest("times", "The times field must be at least 0.");
		}
		ledger.loseAnswers(request.tenant(), request.times());
		return ledger.plannedLostAnswers();
	}

	/** The body of {@code POST /admin/faults/lost-answers}. */
	record LostAnswersRequest(@Nullable Long tenant, @Nullable Integer times) {
	}
}
