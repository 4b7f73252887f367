package io.lazi.crm.lead.web;

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

import io.lazi.crm.lead.ConversionRequest;
import io.lazi.crm.lead.LeadConversions;
import io.lazi.crm.lead.LeadInput;
import io.lazi.crm.lead.LeadQuery;
import io.lazi.crm.lead.LeadView;
import io.lazi.crm.lead.Leads;
import io.lazi.crm.record.Actor;
import io.lazi.crm.record.Versions;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.Tenant;

/**
 * The tenant's leads under {@code /api/crm/leads}: create, get, list, update, delete and convert. Answers carry the
 * lead's {@code ETag}; updates and deletes honour {@code If-Match} (412 when stale). Bad input answers 400 naming the
 * field, another tenant's lead 404, a change to a converted lead 409.
 */
@Tag(name = "Leads", description = "Leads, by users or from ServiceTitan, and their conversion into an account, a contact and an opportunity.")
@RestController
@RequestMapping("/api/crm/leads")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LeadController {

	private final Leads leads;

	private final LeadConversions conversions;

	@Operation(summary = "Create a lead",
			description = "Body: `name` (required), `company`, `email`, `phone`, `street`, `city`, `state`, `zip`, `source` (website, referral, phone, social, email, event, other; default other), `status` (new, contacted, qualified, unqualified; default new), `estimatedValue` (>= 0), `ownerId` (default: the user), `score` (0..100). 201 with the lead, its `Location` and `ETag`; announced as `crm.lead-created`.")
	@PostMapping
	ResponseEntity<LeadView> create(Tenant tenant, @RequestBody(required = false) @Nullable LeadInput body,
			@AuthenticationPrincipal Jwt user) {

		var lead = leads.create(tenant, required(body), Actor.of(user));
		return ResponseEntity.created(URI.create("/api/crm/leads/" + lead.id()))
			.eTag(Versions.etag(lead.version()))
			.body(lead);
	}

	@Operation(summary = "Read a lead", description = "With its `ETag`. 404 for another tenant's, an unknown or a deleted lead.")
	@GetMapping("/{id}")
	ResponseEntity<LeadView> get(Tenant tenant, @PathVariable UUID id) {

		var lead = leads.get(tenant, id);
		return ResponseEntity.ok().eTag(Versions.etag(lead.version())).body(lead);
	}

	@Operation(summary = "List leads",
			description = "Filters: `q` (each word a prefix of the name, company, email, phone digits or city), `status`, `source`, `ownerId`. `sort=field[,asc|desc]` with field createdAt (default, newest first), updatedAt, name, company, status, source, estimatedValue or score; `page`, `size`.")
	@GetMapping
	Page<LeadView> list(Tenant tenant, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String source,
			@RequestParam(required = false) @Nullable String ownerId,
			@RequestParam(required = false) @Nullable String sort, PageRequest page) {
		return leads.list(tenant, new LeadQuery(q, status, source, ownerId, sort), page);
	}

	@Operation(summary = "Update a lead",
			description = "The whole editable body as on create: a null optional field clears it; a null `source` or `status` keeps it. `If-Match: \"<version>\"` guards against overwriting someone else's change (412 when stale). 409 for a converted lead. A ServiceTitan lead's name, email, phone and status follow ServiceTitan's next newer change.")
	@PutMapping("/{id}")
	ResponseEntity<LeadView> update(Tenant tenant, @PathVariable UUID id,
			@RequestBody(required = false) @Nullable LeadInput body,
			@RequestHeader(name = Versions.IF_MATCH, required = false) @Nullable String ifMatch) {

		var expected = Versions.expected(ifMatch);
		var lead = leads.update(tenant, id, required(body), expected);
		return ResponseEntity.ok().eTag(Versions.etag(lead.version())).body(lead);
	}

	@Operation(summary = "Delete a lead",
			description = "Soft: the lead disappears from reads and lists. Honours `If-Match` (412 when stale). 409 for a converted lead.")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(Tenant tenant, @PathVariable UUID id,
			@RequestHeader(name = Versions.IF_MATCH, required = false) @Nullable String ifMatch) {

		leads.delete(tenant, id, Versions.expected(ifMatch));
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Convert a lead",
			description = "Body (all optional): `accountId` and/or `contactId` to link existing records (the contact must be at the account), `opportunityTitle` (default: the lead's name), `amount` (default: the estimated value), `pipeline` (SALES, default, or INSTALL). In one transaction: creates the account (commercial named after the company, else residential named after the lead) and contact unless linked, opens the opportunity in the pipeline's first stage, marks the lead converted with the three ids and announces `crm.lead-converted`. 200 with the lead; 409 when it is already converted (also for the loser of two concurrent conversions); 400 naming `accountId` or `contactId` for a record that does not exist in the tenant.")
	@PostMapping("/{id}/convert")
	ResponseEntity<LeadView> convert(Tenant tenant, @PathVariable UUID id,
			@RequestBody(required = false) @Nullable ConversionRequest body, @AuthenticationPrincipal Jwt user) {

		var lead = conversions.convert(tenant, id, body == null ? ConversionRequest.DEFAULTS : body, Actor.of(user));
		return ResponseEntity.ok().eTag(Versions.etag(lead.version())).body(lead);
	}

	private static LeadInput required(@Nullable LeadInput body) {
		if (body == null) {
			throw new InvalidInputException("name", "is required (no body)");
		}
		return body;
	}
}
