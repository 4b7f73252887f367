package io.lazi.crm.deal.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.crm.deal.NewOpportunity;
import io.lazi.crm.deal.OpportunityEdit;
import io.lazi.crm.deal.OpportunityPlans;
import io.lazi.crm.deal.OpportunityRecords;
import io.lazi.crm.pipeline.PipelineQueries;
import io.lazi.crm.pipeline.Views.OpportunityDetail;
import io.lazi.crm.record.Actor;
import io.lazi.crm.record.Versions;
import io.lazi.platform.web.Tenant;

/**
 * Opportunities as CRM records under {@code /api/crm/opportunities}: opening one by hand, editing the CRM fields of
 * any (derived ones included), deleting the ones opened in Lazi. Reads and stage moves are the pipeline's routes.
 * Answers are the opportunity as {@code GET /api/crm/opportunities/{id}} reads it, with its {@code ETag}.
 */
@Tag(name = "Opportunities", description = "Opportunities opened by hand beside the ones the pipeline derives, and the fields users edit on both.")
@RestController
@RequestMapping("/api/crm/opportunities")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OpportunityController {

	private final OpportunityRecords records;

	private final PipelineQueries queries;

	@Operation(summary = "Open an opportunity by hand",
			description = "Body `{title, pipeline (SALES|INSTALL), stage?, accountId?, primaryContactId?, amount?, probability? (0..100), expectedCloseDate?, ownerId?, nextStep?}`. Source `lazi`, no ServiceTitan customer: the pipeline rules never move it. `stage` defaults to the pipeline's first and must be one of its stages; the owner defaults to the token's user. An `amount` given is set by hand (`amountManual`); without one the amount follows the line items. Publishes `crm.stage-moved`, and `crm.opportunity-won`/`-lost` when opened closed. 201 with `Location` and `ETag`; 400 naming the field (an `accountId` or `primaryContactId` that does not exist in the tenant included).")
	@PostMapping
	ResponseEntity<OpportunityDetail> create(Tenant tenant, @RequestBody(required = false) @Nullable OpportunityBody body,
			@AuthenticationPrincipal Jwt user) {

		var b = body == null ? OpportunityBody.EMPTY : body;
		var id = records.open(tenant.id(),
				new NewOpportunity(text(b.title()), text(b.pipeline()), b.stage(), b.accountId(), b.primaryContactId(),
						b.amount(), b.ownerId(), null),
				new OpportunityPlans(b.probability(), b.expectedCloseDate(), b.nextStep()), Actor.of(user));
		var detail = queries.opportunity(tenant, id);
		return ResponseEntity.created(URI.create("/api/crm/opportunities/" + id))
			.eTag(Versions.etag(detail.opportunity().version()))
			.body(detail);
	}

	@Operation(summary = "Edit an opportunity",
			description = "Derived or opened in Lazi. The whole editable body `{title, accountId, primaryContactId, amount, amountManual, probability, expectedCloseDate, ownerId, nextStep}`: a missing or null field clears it; `pipeline`, `stage` and `status` are not edited here (`PUT …/{id}/stage`). `amountManual: true` keeps `amount` whatever the line items or rules say; `false` makes the amount follow the line items (for a derived opportunity without items: ServiceTitan's estimate); absent: an `amount` that differs from one not set by hand is set by hand. A derived opportunity's title is the rules': their next change overwrites an edited one. Optional `If-Match`: 412 when stale. 200 with the new `ETag`.")
	@PutMapping("/{id}")
	ResponseEntity<OpportunityDetail> update(Tenant tenant, @PathVariable UUID id,
			@RequestHeader(name = Versions.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody(required = false) @Nullable OpportunityBody body) {

		var expected = Versions.expected(ifMatch);
		var b = body == null ? OpportunityBody.EMPTY : body;
		records.update(tenant.id(), id, new OpportunityEdit(text(b.title()), b.accountId(), b.primaryContactId(),
				b.amount(), b.amountManual(), b.probability(), b.expectedCloseDate(), b.ownerId(), b.nextStep()),
				expected);
		var detail = queries.opportunity(tenant, id);
		return ResponseEntity.ok().eTag(Versions.etag(detail.opportunity().version())).body(detail);
	}

	@Operation(summary = "Delete an opportunity opened in Lazi",
			description = "Soft: it leaves lists, reads and counts. 409 for an opportunity derived from ServiceTitan (it follows its customer). Optional `If-Match`: 412 when stale. 204.")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(Tenant tenant, @PathVariable UUID id,
			@RequestHeader(name = Versions.IF_MATCH, required = false) @Nullable String ifMatch) {

		records.delete(tenant.id(), id, Versions.expected(ifMatch));
		return ResponseEntity.noContent().build();
	}

	/** Required text, checked by the service: a missing one is empty here so that it answers 400 naming it. */
	private static String text(@Nullable String value) {
		return value == null ? "" : value;
	}

	/**
	 * Body of an opportunity's creation or edit; {@code pipeline} and {@code stage} only on creation,
	 * {@code amountManual} only on edits.
	 */
	record OpportunityBody(@Nullable String title, @Nullable String pipeline, @Nullable String stage,
			@Nullable UUID accountId, @Nullable UUID primaryContactId, @Nullable BigDecimal amount,
			@Nullable Boolean amountManual, @Nullable Integer probability, @Nullable LocalDate expectedCloseDate,
			@Nullable String ownerId, @Nullable String nextStep) {

		static final OpportunityBody EMPTY = new OpportunityBody(null, null, null, null, null, null, null, null, null,
				null, null);
	}
}
