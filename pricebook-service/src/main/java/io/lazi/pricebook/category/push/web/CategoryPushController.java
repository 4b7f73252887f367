package io.lazi.pricebook.category.push.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.platform.web.Tenant;
import io.lazi.pricebook.category.push.AutoFixResult;
import io.lazi.pricebook.category.push.CategoryPushes;
import io.lazi.pricebook.category.push.PushErrors;
import io.lazi.pricebook.category.push.PushFailure;
import io.lazi.pricebook.category.push.PushStarted;
import io.lazi.pricebook.category.push.PushStatus;

/**
 * Pushes of local changes to ServiceTitan and single-category pulls. Both only send commands to
 * st-ingest (202); their outcomes arrive later and are announced on {@code sync.events} and
 * {@code pricebook.changed}.
 */
@Tag(name = "Pushes", description = "Sending the pending local changes to ServiceTitan, and their outcomes.")
@RestController
@RequestMapping("/api/pricebook/categories")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CategoryPushController {

	private final CategoryPushes pushes;

	private final PushErrors errors;

	/** {@code 202 {pushId, count}}: one command per pending item that is neither conflicted nor in flight. */
	@Operation(summary = "Push the pending changes to ServiceTitan",
			description = "202 with the push id: one command per pending item that is neither in conflict nor already on its way. Follow it with `GET /api/pricebook/categories/pushes/{pushId}` or the WebSocket.",
			operationId = "push")
	@PostMapping("/push")
	@ResponseStatus(HttpStatus.ACCEPTED)
	PushStarted push(Tenant tenant) {
		return pushes.push(tenant);
	}

	/** {@code {pushId, status: running|finished, count, success, failed, startedAt, finishedAt}}. */
	@Operation(summary = "Read a push's progress", operationId = "pushStatus")
	@GetMapping("/pushes/{pushId}")
	PushStatus push(Tenant tenant, @PathVariable UUID pushId) {
		return pushes.status(tenant, pushId);
	}

	/** Failed items: {@code [{id, stId, name, action, stStatus, message, failedAt, pushId, fix}]}. */
	@Operation(summary = "List the items whose push failed", description = "Each with what auto-fix would do.")
	@GetMapping("/errors")
	List<PushFailure> errors(Tenant tenant) {
		return errors.failures(tenant);
	}

	/** Repairs the failure {@code id} and pushes the item again: {@code {action, detail, pushId}}; 409 when it cannot. */
	@Operation(summary = "Repair a failed push and push again",
			description = "409 when the failure cannot be repaired automatically.")
	@PostMapping("/errors/{id}/auto-fix")
	AutoFixResult autoFix(Tenant tenant, @PathVariable UUID id) {
		return errors.autoFix(tenant, id);
	}

	/** {@code 202 {commandId}}: refreshes the category (and its subcategories) from ServiceTitan. */
	@Operation(summary = "Refresh a category from ServiceTitan",
			description = "202: the category and its subcategories are fetched again; subcategories ServiceTitan no longer has below it are deactivated (or flagged as a conflict while a local change of them is pending), and every change is announced.")
	@PostMapping("/{stId}/pull")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, UUID> pull(Tenant tenant, @PathVariable long stId) {
		return Map.of("commandId", pushes.pull(tenant, stId));
	}
}
