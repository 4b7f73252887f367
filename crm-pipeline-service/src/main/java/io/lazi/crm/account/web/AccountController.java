package io.lazi.crm.account.web;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
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

import io.lazi.crm.account.AccountFilter;
import io.lazi.crm.account.AccountInput;
import io.lazi.crm.account.AccountView;
import io.lazi.crm.account.Accounts;
import io.lazi.crm.record.Actor;
import io.lazi.crm.record.Versions;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.Tenant;

/**
 * The tenant's accounts under {@code /api/crm/accounts}. Bad input answers 400 naming the field, another tenant's or
 * a deleted account 404, a stale {@code If-Match} 412, a refused delete 409.
 */
@Tag(name = "Accounts", description = "Households and businesses, in a parent hierarchy, with their contacts. Every ServiceTitan customer is an account (source servicetitan).")
@RestController
@RequestMapping("/api/crm/accounts")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AccountController {

	private static final AccountInput EMPTY = new AccountInput(null, null, null, null, null, null, null, null, null,
			null, null, null);

	private final Accounts accounts;

	@Operation(summary = "Open an account",
			description = "Body: `name` (required, ≤ 200), `type` (`residential` default, `commercial`), `industry`, `region`, `ownerId` (default: you), `parentId` (another account of the tenant), `email`, `phone`, `street`, `city`, `state`, `zip`. 201 with the account, `Location` and `ETag`.")
	@PostMapping
	ResponseEntity<AccountView> create(Tenant tenant, @RequestBody(required = false) @Nullable AccountInput body,
			@AuthenticationPrincipal Jwt user) {

		var view = accounts.create(tenant, body == null ? EMPTY : body, Actor.of(user));
		return ResponseEntity.created(URI.create("/api/crm/accounts/" + view.id()))
			.eTag(Versions.etag(view.version()))
			.body(view);
	}

	@Operation(summary = "Read an account with its contacts",
			description = "The account with `contacts`: its first 50 contacts, the primary one first. `ETag` is its version.")
	@GetMapping("/{id}")
	ResponseEntity<AccountView> get(Tenant tenant, @PathVariable UUID id) {

		var view = accounts.get(tenant, id);
		return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
	}

	@Operation(summary = "List accounts",
			description = "Filters: `q` (each word matches the start of a word of the name, email, phone digits, city or industry), `type`, `ownerId`, `parentId`, `stCustomerId`. `sort`: `name`, `type`, `createdAt` or `updatedAt`, with `,asc` or `,desc`; newest first by default.")
	@GetMapping
	Page<AccountView> list(Tenant tenant, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String ownerId,
			@RequestParam(required = false) @Nullable UUID parentId,
			@RequestParam(required = false) @Nullable Long stCustomerId,
			@RequestParam(required = false) @Nullable String sort, PageRequest page) {
		return accounts.list(tenant, new AccountFilter(q, type, ownerId, parentId, stCustomerId), sort, page);
	}

	@Operation(summary = "Replace an account's fields",
			description = "The full editable body, as on create; a null optional field clears it. `If-Match: \"<version>\"` guards against overwriting someone else's change (412). `parentId` must be another account that is not below this one (400). A ServiceTitan customer's account (`source` servicetitan) takes any field, but its name, type, email, phone and address are ServiceTitan's: the next change of the customer in ServiceTitan overwrites them; industry, region, owner and parent stay.")
	@PutMapping("/{id}")
	ResponseEntity<AccountView> update(Tenant tenant, @PathVariable UUID id,
			@RequestBody(required = false) @Nullable AccountInput body,
			@RequestHeader(name = Versions.IF_MATCH, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal Jwt user) {

		var view = accounts.update(tenant, id, body == null ? EMPTY : body, Versions.expected(ifMatch), Actor.of(user));
		return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
	}

	@Operation(summary = "Delete an account",
			description = "Soft delete, with its contacts. 409 when it has child accounts, or is a ServiceTitan customer's account. Honours `If-Match`.")
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(Tenant tenant, @PathVariable UUID id,
			@RequestHeader(name = Versions.IF_MATCH, required = false) @Nullable String ifMatch) {
		accounts.delete(tenant, id, Versions.expected(ifMatch));
	}
}
