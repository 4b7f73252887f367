package io.lazi.crm.deal.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
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
import org.springframework.web.bind.annotation.RestController;

import io.lazi.crm.deal.LineItemSpec;
import io.lazi.crm.deal.LineItems;
import io.lazi.crm.pipeline.PipelineQueries;
import io.lazi.crm.pipeline.Views.LineItemView;
import io.lazi.crm.record.Actor;
import io.lazi.crm.record.Versions;
import io.lazi.platform.web.Tenant;

/**
 * An opportunity's pricebook line items under {@code /api/crm/opportunities/{id}/line-items}. They are part of the
 * opportunity: the {@code ETag} of every answer is the opportunity's version, and {@code If-Match} on a change names
 * it.
 */
@Tag(name = "Opportunities")
@RestController
@RequestMapping("/api/crm/opportunities/{id}/line-items")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LineItemController {

	private static final LineItemSpec EMPTY = new LineItemSpec(null, null, null, null, null);

	private final LineItems lineItems;

	private final PipelineQueries queries;

	@Operation(summary = "List an opportunity's line items",
			description = "In their order, with the sum of their totals and the opportunity's amount. `ETag`: the opportunity's version.")
	@GetMapping
	ResponseEntity<LineItemList> list(Tenant tenant, @PathVariable UUID id) {

		var detail = queries.opportunity(tenant, id);
		var items = detail.lineItems();
		var total = items.stream().map(LineItemView::total).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
		return ResponseEntity.ok()
			.eTag(Versions.etag(detail.opportunity().version()))
			.body(new LineItemList(items, total, detail.opportunity().amount(), detail.opportunity().amountManual()));
	}

	@Operation(summary = "Add a line item",
			description = "Body `{productType (service|material|equipment), productId (ServiceTitan id), quantity? (>0, default 1), unitPrice? (default: the product's price now), discount? (amount, 0..quantity*unitPrice, default 0)}`. The product must be in the tenant's pricebook snapshot and active (else 400 `productId`). Total = quantity*unitPrice - discount, half-up to cents. The opportunity's amount follows the items unless set by hand. Optional `If-Match` (the opportunity's version): 412 when stale. 201 with `Location` and the opportunity's new `ETag`.")
	@PostMapping
	ResponseEntity<LineItemView> add(Tenant tenant, @PathVariable UUID id,
			@RequestHeader(name = Versions.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody(required = false) @Nullable LineItemSpec body, @AuthenticationPrincipal Jwt user) {

		var changed = lineItems.add(tenant.id(), id, body == null ? EMPTY : body, Versions.expected(ifMatch),
				Actor.of(user));
		return ResponseEntity.created(URI.create("/api/crm/opportunities/" + id + "/line-items/" + changed.item().id()))
			.eTag(Versions.etag(changed.version()))
			.body(changed.item());
	}

	@Operation(summary = "Change a line item",
			description = "The whole body as on creation: a missing field takes its default again (`unitPrice`: the product's price now). The position stays; a product that became inactive may stay on its line. Optional `If-Match` (the opportunity's version): 412 when stale. 200 with the opportunity's new `ETag`.")
	@PutMapping("/{itemId}")
	ResponseEntity<LineItemView> change(Tenant tenant, @PathVariable UUID id, @PathVariable UUID itemId,
			@RequestHeader(name = Versions.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody(required = false) @Nullable LineItemSpec body) {

		var changed = lineItems.change(tenant.id(), id, itemId, body == null ? EMPTY : body,
				Versions.expected(ifMatch));
		return ResponseEntity.ok().eTag(Versions.etag(changed.version())).body(changed.item());
	}

	@Operation(summary = "Remove a line item",
			description = "The items after it move up. Optional `If-Match` (the opportunity's version): 412 when stale. 204 with the opportunity's new `ETag`.")
	@DeleteMapping("/{itemId}")
	ResponseEntity<Void> remove(Tenant tenant, @PathVariable UUID id, @PathVariable UUID itemId,
			@RequestHeader(name = Versions.IF_MATCH, required = false) @Nullable String ifMatch) {

		var version = lineItems.remove(tenant.id(), id, itemId, Versions.expected(ifMatch));
		return ResponseEntity.noContent().eTag(Versions.etag(version)).build();
	}

	/**
	 * An opportunity's line items.
	 *
	 * @param total the sum of the items' totals
	 * @param amount the opportunity's amount: {@code total} unless set by hand ({@code amountManual})
	 */
	record LineItemList(List<LineItemView> items, BigDecimal total, @Nullable BigDecimal amount, boolean amountManual) {
	}
}
