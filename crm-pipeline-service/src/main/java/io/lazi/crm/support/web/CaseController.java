package io.lazi.crm.support.web;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.crm.record.Actor;
import io.lazi.crm.record.Versions;
import io.lazi.crm.support.CasePriority;
import io.lazi.crm.support.CaseStatus;
import io.lazi.crm.support.CaseType;
import io.lazi.crm.support.CaseViews.CaseFilter;
import io.lazi.crm.support.CaseViews.CaseSpec;
import io.lazi.crm.support.CaseViews.CaseView;
import io.lazi.crm.support.Cases;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.Tenant;

/**
 * Service cases under {@code /api/crm/cases}. Bad input answers 400 naming the field, another tenant's case 404, a
 * stale {@code If-Match} 412.
 */
@Tag(name = "Cases", description = "Service cases (warranty, complaint, question) of accounts, with SLA by priority.")
@RestController
@RequestMapping("/api/crm/cases")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CaseController {

	private static final int MAX_SUBJECT = 200;

	private static final int MAX_DESCRIPTION = 10_000;

	private static final int MAX_OWNER = 200;

	private final Cases cases;

	@Operation(summary = "Open a case",
			description = "Body `{type (warranty, complaint, question), subject, description?, accountId, contactId? (a contact of the account), priority? (low, medium (default), high, urgent), status? (new (default), open, pending, resolved, closed), ownerId? (default: the caller)}`. Gets the tenant's next case number and an SLA due time (urgent 4 h, high 24 h, medium 72 h, low 168 h). Announced as `crm.case-opened`.")
	@PostMapping
	ResponseEntity<CaseView> open(Tenant tenant, @RequestBody(required = false) @Nullable CaseBody body,
			@AuthenticationPrincipal Jwt user) {

		var actor = Actor.of(user);
		var given = body == null ? new CaseBody(null, null, null, null, null, null, null, null) : body;
		var spec = spec(given, CasePriority.MEDIUM, CaseStatus.NEW, given.ownerId() == null ? actor.id() : given.ownerId());
		var view = cases.open(tenant, spec, actor);
		return ResponseEntity.created(URI.create("/api/crm/cases/" + view.id()))
			.eTag(Versions.etag(view.version()))
			.body(view);
	}

	@Operation(summary = "List cases",
			description = "Newest first. Filters: `status`, `priority`, `accountId`, `ownerId`, `breached` (true: open past the SLA due time). `sort=field[,asc|desc]` over createdAt, updatedAt, caseNumber, slaDueAt, priority (by urgency), status, subject.")
	@GetMapping
	Page<CaseView> list(Tenant tenant, @RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String priority,
			@RequestParam(required = false) @Nullable UUID accountId,
			@RequestParam(required = false) @Nullable String ownerId,
			@RequestParam(required = false) @Nullable Boolean breached,
			@RequestParam(required = false) @Nullable String sort, PageRequest page) {
		return cases.list(tenant,
				new CaseFilter(status == null ? null : CaseStatus.parse(status, "status"),
						priority == null ? null : CasePriority.parse(priority, "priority"), accountId, ownerId, breached),
				sort, page);
	}

	@Operation(summary = "Read a case", description = "`ETag` is its version.")
	@GetMapping("/{id}")
	ResponseEntity<CaseView> get(Tenant tenant, @PathVariable UUID id) {
		return tagged(cases.get(tenant, id));
	}

	@Operation(summary = "Update a case",
			description = "The full editable body as for opening; `type`, `subject`, `accountId`, `priority` and `status` required, a missing optional field clears it. A new priority recomputes the SLA due time from the opening; resolved or closed sets `resolvedAt`, any other status clears it. `If-Match` guards against overwriting someone else's change (412).")
	@PutMapping("/{id}")
	ResponseEntity<CaseView> update(Tenant tenant, @PathVariable UUID id,
			@RequestBody(required = false) @Nullable CaseBody body,
			@RequestHeader(name = Versions.IF_MATCH, required = false) @Nullable String ifMatch) {

		var expected = Versions.expected(ifMatch);
		var given = body == null ? new CaseBody(null, null, null, null, null, null, null, null) : body;
		return tagged(cases.update(tenant, id, spec(given, null, null, given.ownerId()), expected));
	}

	@Operation(summary = "Delete a case", description = "Soft: it is gone from reads; its number is not reused. Honours `If-Match`.")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(Tenant tenant, @PathVariable UUID id,
			@RequestHeader(name = Versions.IF_MATCH, required = false) @Nullable String ifMatch) {

		cases.delete(tenant, id, Versions.expected(ifMatch));
		return ResponseEntity.noContent().build();
	}

	/**
	 * The spec of a body; a null default makes the field required.
	 *
	 * @throws InvalidInputException naming the first bad field
	 */
	private static CaseSpec spec(CaseBody body, @Nullable CasePriority defaultPriority,
			@Nullable CaseStatus defaultStatus, @Nullable String ownerId) {

		var type = CaseType.parse(body.type(), "type");
		var subject = body.subject() == null ? "" : body.subject().strip();
		if (subject.isEmpty() || subject.length() > MAX_SUBJECT) {
			throw new InvalidInputException("subject", "is required, at most " + MAX_SUBJECT + " characters");
		}
		if (body.description() != null && body.description().length() > MAX_DESCRIPTION) {
			throw new InvalidInputException("description", "must be at most " + MAX_DESCRIPTION + " characters");
		}
		if (body.accountId() == null) {
			throw new InvalidInputException("accountId", "is required");
		}
		var priority = body.priority() == null && defaultPriority != null ? defaultPriority
				: CasePriority.parse(body.priority(), "priority");
		var status = body.status() == null && defaultStatus != null ? defaultStatus
				: CaseStatus.parse(body.status(), "status");
		var owner = ownerId == null || ownerId.isBlank() ? null : ownerId.strip();
		if (owner != null && owner.length() > MAX_OWNER) {
			throw new InvalidInputException("ownerId", "must be at most " + MAX_OWNER + " characters");
		}
		var description = body.description() == null || body.description().isBlank() ? null : body.description();
		return new CaseSpec(type, subject, description, body.accountId(), body.contactId(), priority, status, owner);
	}

	private static ResponseEntity<CaseView> tagged(CaseView view) {
		return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
	}

	/** Body of an opened or updated case; enums as their wire values. */
	record CaseBody(@Nullable String type, @Nullable String subject, @Nullable String description,
			@Nullable UUID accountId, @Nullable UUID contactId, @Nullable String priority, @Nullable String status,
			@Nullable String ownerId) {
	}
}
