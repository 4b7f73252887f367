package io.lazi.crm.account.web;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.crm.account.ContactFilter;
import io.lazi.crm.account.ContactInput;
import io.lazi.crm.account.ContactView;
import io.lazi.crm.account.Contacts;
import io.lazi.crm.record.Actor;
import io.lazi.crm.record.Versions;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.Tenant;

/**
 * The people at the tenant's accounts under {@code /api/crm/contacts}. Bad input answers 400 naming the field,
 * another tenant's or a deleted contact 404, a stale {@code If-Match} 412, a refused change 409.
 */
@Tag(name = "Contacts", description = "People at accounts. Every ServiceTitan customer's account has one primary contact kept from the customer (source servicetitan).")
@RestController
@RequestMapping("/api/crm/contacts")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ContactController {

	private static final ContactInput EMPTY = new ContactInput(null, null, null, null, null, null, null, null);

	private final Contacts contacts;

	@Operation(summary = "Add a contact to an account",
			description = "Body: `accountId` (required), `name` (required unless `firstName`/`lastName` are given, then joined; ≤ 200), `firstName`, `lastName`, `email`, `phone`, `role`, `primary` (default: true when the account has no primary contact yet; true demotes the account's other one; 409 at a ServiceTitan customer's account, whose primary contact is the customer). 201 with the contact, `Location` and `ETag`.")
	@PostMapping
	ResponseEntity<ContactView> create(Tenant tenant, @RequestBody(required = false) @Nullable ContactInput body,
			@AuthenticationPrincipal Jwt user) {

		var view = contacts.create(tenant, body == null ? EMPTY : body, Actor.of(user));
		return ResponseEntity.created(URI.create("/api/crm/contacts/" + view.id()))
			.eTag(Versions.etag(view.version()))
			.body(view);
	}

	@Operation(summary = "Read a contact", description = "`ETag` is its version.")
	@GetMapping("/{id}")
	ResponseEntity<ContactView> get(Tenant tenant, @PathVariable UUID id) {

		var view = contacts.get(tenant, id);
		return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
	}

	@Operation(summary = "List contacts",
			description = "Filters: `q` (each word matches the start of a word of the name, email, phone digits or role; or the text is contained in the name or email; or 3+ digits in the phone number), `search` (the same, its former name), `accountId`, `stCustomerId`. `sort`: `name`, `createdAt` or `updatedAt`, with `,asc` or `,desc`; newest first by default. A ServiceTitan customer's contact carries the customer's address, `active` and `locations`; others have no address, are active and have no locations.")
	@GetMapping
	Page<ContactView> list(Tenant tenant, @RequestParam(required = false) @Nullable String q,
			@Parameter(description = "The former name of `q`; `q` wins when both are given.")
			@RequestParam(required = false) @Nullable String search,
			@RequestParam(required = false) @Nullable UUID accountId,
			@RequestParam(required = false) @Nullable Long stCustomerId,
			@RequestParam(required = false) @Nullable String sort, PageRequest page) {
		return contacts.list(tenant, new ContactFilter(q != null ? q : search, accountId, stCustomerId), sort, page);
	}

	@Operation(summary = "Replace a contact's fields",
			description = "The full editable body, as on create (`accountId` may be left out to keep the account; `primary` left out keeps it); a null optional field clears it. `If-Match: \"<version>\"` guards against overwriting someone else's change (412). A ServiceTitan customer's contact (`source` servicetitan) stays at its account and stays primary (409 otherwise); its name, email and phone are ServiceTitan's: an edit here stands only until the customer next changes in ServiceTitan, which overwrites them.")
	@PutMapping("/{id}")
	ResponseEntity<ContactView> update(Tenant tenant, @PathVariable UUID id,
			@RequestBody(required = false) @Nullable ContactInput body,
			@RequestHeader(name = Versions.IF_MATCH, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal Jwt user) {

		var view = contacts.update(tenant, id, body == null ? EMPTY : body, Versions.expected(ifMatch), Actor.of(user));
		return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
	}

	@Operation(summary = "Delete a contact",
			description = "Soft delete. 409 for a ServiceTitan customer's contact, which is kept from ServiceTitan. Honours `If-Match`.")
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(Tenant tenant, @PathVariable UUID id,
			@RequestHeader(name = Versions.IF_MATCH, required = false) @Nullable String ifMatch) {
		contacts.delete(tenant, id, Versions.expected(ifMatch));
	}
}
