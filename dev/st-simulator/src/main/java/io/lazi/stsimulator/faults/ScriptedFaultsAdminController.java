package io.lazi.stsimulator.faults;

import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API for scripted faults, which fail chosen calls rather than random ones. No
 * authentication. {@code POST /admin/faults/reset} clears these too.
 * <p>
 * <b>Write faults</b> fail write calls (category writes — {@code POST /categories}, {@code PATCH} and
 * {@code DELETE /categories/{id}} — and the CRM, JPM, dispatch and sales writes) after authentication and rate
 * limiting, before the write happens:
 * <ul>
 * <li>{@code POST /admin/faults/items} body {@code {"tenant": 3222348440, "categoryId": 40000001,
 * "status": 503, "times": 2, "message": "..."}} (or {@code "item": "jobs/80000017"} instead of
 * {@code categoryId}) → 201 with the stored rule {@code {"id", "tenant", "categoryId", "item", "status",
 * "message", "remaining"}}. {@code tenant} is required; with neither {@code categoryId} nor {@code item}
 * every write call of the tenant fails (the next {@code times} ones), otherwise only {@code PATCH}/{@code DELETE}
 * of that category or the writes of that item; {@code status} is 409, 500 or 503 (default 503);
 * {@code times} is at least 1, or -1 for "until reset" (default 1); {@code message} becomes the
 * {@code title} of the {@code ApiErrorResponse} body (a default per status otherwise). When several
 * rules match a call, the oldest with uses left fires.</li>
 * <li>{@code GET /admin/faults/items} → the rules, spent ones with {@code remaining: 0}.</li>
 * <li>{@code DELETE /admin/faults/items} → 204, all rules gone.</li>
 * </ul>
 * <b>Throttle plans</b> inject 429s in the middle of a run:
 * <ul>
 * <li>{@code POST /admin/faults/throttle} body {@code {"tenant": 3222348440, "afterCalls": 10,
 * "count": 3, "retryAfterSeconds": 1}} → 201 with the plan: the tenant's next {@code afterCalls}
 * (at least 0) authenticated API calls pass as usual, the {@code count} (at least 1) calls after
 * them answer 429 with {@code Retry-After: retryAfterSeconds} (1..3600, default 1) and the APIM
 * body, then the plan is spent. A new plan for the tenant replaces the old one.</li>
 * <li>{@code GET /admin/faults/throttle} → {@code {"<tenant>": {"tenant", "afterCalls", "count",
 * "retryAfterSeconds"}}} for the plans not yet spent, with what is left of them.</li>
 * <li>{@code DELETE /admin/faults/throttle} → 204, all plans gone.</li>
 * </ul>
 * Bad input is a 400 {@code ApiErrorResponse} naming the field, and changes nothing.
 */
@RestController
@RequestMapping("/admin/faults")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ScriptedFaultsAdminController {

	private static final Set<Integer> WRITE_STATUSES = Set.of(409, 500, 503);

	private final ScriptedFaults scripted;

	@PostMapping("/items")
	@ResponseStatus(HttpStatus.CREATED)
	WriteFault addWriteFault(@RequestBody WriteFaultRequest request) {

		if (request.tenant() == null) {
			throw ApiException.badRequest("tenant", "The tenant field is required.");
		}
		var status = request.status() == null ? 503 : request.status();
		if (!WRITE_STATUSES.contains(status)) {
			throw ApiException.badRequest("status", "The status must be 409, 500 or 503.");
		}
		var times = request.times() == null ? 1 : request.times();
		if (times == 0 || times < -1) {
			throw ApiException.badRequest("times", "The times field must be at least 1, or -1 for until reset.");
		}
		var message = request.message() != null && !request.message().isBlank() ? request.message() : switch (status) {
			case 409 -> "The category was changed by another request (simulated conflict).";
			case 500 -> "An unexpected error occurred (simulated fault).";
			default -> "The service is temporarily unavailable (simulated fault).";
		};
		WriteTargets.check(request.categoryId(), request.item());
		return scripted.addWriteFault(request.tenant(), request.categoryId(), request.item(), status, message, times);
	}

	@GetMapping("/items")
	List<WriteFault> writeFaults() {
		return scripted.writeFaults();
	}

	@DeleteMapping("/items")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void clearWriteFaults() {
		scripted.clearWriteFaults();
	}

	@PostMapping("/throttle")
	@ResponseStatus(HttpStatus.CREATED)
	ThrottlePlan plan(@RequestBody ThrottleRequest request) {

		if (request.tenant() == null) {
			throw ApiException.badRequest("tenant", "The tenant field is required.");
		}
		var afterCalls = request.afterCalls() == null ? 0 : request.afterCalls();
		if (afterCalls < 0) {
			throw ApiException.badRequest("afterCalls", "The afterCalls field must be at least 0.");
		}
		if (request.count() == null || request.count() < 1) {
			throw ApiException.badRequest("count", "The count field must be at least 1.");
		}
		var retryAfter = request.retryAfterSeconds() == null ? 1 : request.retryAfterSeconds();
		if (retryAfter < 1 || retryAfter > 3600) {
			throw ApiException.badRequest("retryAfterSeconds", "The retryAfterSeconds field must be between 1 and 3600.");
		}
		var plan = new ThrottlePlan(request.tenant(), afterCalls, request.count(), retryAfter);
		scripted.plan(plan);
		return plan;
	}

	@GetMapping("/throttle")
	Map<Long, ThrottlePlan> plans() {
		return scripted.plans();
	}

	@DeleteMapping("/throttle")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void clearPlans() {
		scripted.clearPlans();
	}

	/**
	 * The body of {@code POST /admin/faults/items}.
	 */
	record WriteFaultRequest(@Nullable Long tenant, @Nullable Long categoryId, @Nullable String item,
			@Nullable Integer status, @Nullable Integer times, @Nullable String message) {
	}

	/**
	 * The body of {@code POST /admin/faults/throttle}.
	 */
	record ThrottleRequest(@Nullable Long tenant, @Nullable Integer afterCalls, @Nullable Integer count,
			@Nullable Integer retryAfterSeconds) {
	}
}
