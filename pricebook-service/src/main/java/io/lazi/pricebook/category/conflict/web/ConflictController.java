package io.lazi.pricebook.category.conflict.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import lombok.AccessLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.platform.web.Tenant;
import io.lazi.pricebook.category.conflict.CategoryConflict;
import io.lazi.pricebook.category.conflict.CategoryConflicts;
import io.lazi.pricebook.category.conflict.CategoryConflicts.ConflictList;
import io.lazi.pricebook.category.conflict.CategoryConflicts.Resolution;

import tools.jackson.databind.JsonNode;

/**
 * Conflicts between local changes and ServiceTitan (routed here by the gateway from
 * {@code /api/sync/pricebook/conflicts**} and {@code /api/sync/pricebook/resolve-conflict/**}).
 */
@Tag(name = "Conflicts", description = "Categories changed both locally and in ServiceTitan since the last push; nothing is overwritten until resolved. Routed under `/api/sync/pricebook/`.")
@RestController
@RequestMapping("/api/sync/pricebook")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ConflictController {

	private final CategoryConflicts conflicts;

	/** {@code {count, items}}; {@code status} open, manual, resolved or all (default open and manual). */
	@Operation(summary = "List conflicts",
			description = "`status` is `open`, `manual`, `resolved` or `all` (default: open and manual).")
	@GetMapping("/conflicts")
	ConflictList conflicts(Tenant tenant, @RequestParam(required = false) @Nullable String status) {
		return conflicts.list(tenant, status);
	}

	@Operation(summary = "Read one conflict")
	@GetMapping("/conflicts/{id}")
	CategoryConflict conflict(Tenant tenant, @PathVariable UUID id) {
		return conflicts.conflict(tenant, id);
	}

	/** Body {@code {strategy: keep_st|keep_local|manual}}; answers {@code {conflict, item}}. */
	@Operation(summary = "Resolve a conflict",
			description = "Body `{strategy}`: `keep_st` (take ServiceTitan's values), `keep_local` (push the local ones) or `manual` (flag it for a person).")
	@PostMapping("/resolve-conflict/{id}")
	Resolution resolve(Tenant tenant, @PathVariable UUID id, @RequestBody(required = false) @Nullable JsonNode body) {

		var strategy = body == null || body.get("strategy") == null || !body.get("strategy").isString() ? null
				: body.get("strategy").stringValue();
		return conflicts.resolve(tenant, id, strategy);
	}
}
