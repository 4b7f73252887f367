package io.lazi.pricebook.sku;

import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.platform.web.Tenant;
import io.lazi.pricebook.sku.SkuView.StoredSku;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;

/** Reads the tenant's SKUs for the REST API, linked categories named from the category tree. Thread-safe. */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SkuQueries {

	private final SkuReadRepository skus;

	/** The SKUs of {@code kind} matching {@code filter}, by code. */
	public Page<SkuView> list(Tenant tenant, SkuKind kind, SkuFilter filter, PageRequest page) {

		var stored = skus.page(tenant, kind, filter, page);
		return Page.of(views(tenant, stored), page, skus.count(tenant, kind, filter));
	}

	/**
	 * One SKU of {@code kind}.
	 *
	 * @throws ResourceNotFoundException when the tenant has no such SKU
	 */
	public SkuView find(Tenant tenant, SkuKind kind, long stId) {
		return skus.find(tenant, kind, stId)
			.map(stored -> views(tenant, List.of(stored)).getFirst())
			.orElseThrow(() -> new ResourceNotFoundException(kind.column(), stId));
	}

	private List<SkuView> views(Tenant tenant, List<StoredSku> stored) {

		var categoryIds = stored.stream().flatMap(s -> s.sku().categoryStIds().stream()).distinct().toList();
		var names = skus.categoryNames(tenant, categoryIds);
		return stored.stream().map(s -> SkuView.of(s, names)).toList();
	}
}
