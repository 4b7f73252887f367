package io.lazi.stsimulator.faults;

import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API of {@link LostAnswers}. No authentication. {@code POST /admin/faults/reset} clears it too.
 * <ul>
 * <li>{@code POST /admin/faults/lost-answers} with a {@code categoryId} or {@code times: -1} adds a rule (see
 * {@code WriteLedgerAdminController}, which serves that path).</li>
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
}
