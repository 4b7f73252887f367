package io.lazi.crm.deal;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.crm.record.SearchTerms;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;

/** The tenant's pricebook products as the CRM's snapshot holds them, read-only. Thread-safe. */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Products {

	private final ProductRepository products;

	/**
	 * Products by name.
	 *
	 * @param q words each matching the start of a word of the code or name; {@code null} or blank for all
	 * @param type {@code service}, {@code material} or {@code equipment}; {@code null} for all
	 * @param active only active ({@code true}) or inactive ({@code false}) ones; {@code null} for both
	 * @throws InvalidInputException naming {@code q} (no word in it) or {@code type} (unknown)
	 */
	public Page<ProductView> list(String tenantId, @Nullable String q, @Nullable String type, @Nullable Boolean active,
			PageRequest page) {
		return products.list(tenantId, q == null || q.isBlank() ? null : SearchTerms.tsquery(q, "q"),
				type == null ? null : ProductType.parse(type, "type"), active, page);
	}
}
