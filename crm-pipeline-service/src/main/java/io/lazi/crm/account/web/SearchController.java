package io.lazi.crm.account.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.crm.account.RecordSearch;
import io.lazi.crm.account.SearchResult;
import io.lazi.platform.web.Tenant;

/** {@code GET /api/crm/search}: one ranked search across accounts, contacts, leads and opportunities. */
@Tag(name = "Search", description = "One ranked search across the CRM's records.")
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SearchController {

	private final RecordSearch search;

	@Operation(summary = "Search accounts, contacts, leads and opportunities",
			description = "`q` (required): each word matches the start of a word of a record (names, emails, a phone number's digits, cities, companies, opportunity titles). `types`: comma-separated among `account,contact,lead,opportunity` (default all). `size`: 1..100, default 20. Answers `{items:[{type, id, title, subtitle, rank}]}`, best match first, then newest; deleted records never.")
	@GetMapping("/api/crm/search")
	SearchResult search(Tenant tenant, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String types,
			@RequestParam(required = false) @Nullable Integer size) {
		return search.search(tenant, q, types, size);
	}
}
