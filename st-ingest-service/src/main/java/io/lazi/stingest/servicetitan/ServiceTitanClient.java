package io.lazi.stingest.servicetitan;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;

import io.lazi.platform.events.StCategory;

/**
 * ServiceTitan pricebook v2 reads for the configured tenants. Calls block (use virtual threads for
 * concurrency), share the tenant's rate budget and retry transient failures; see {@link GuardedCalls}.
 * Thread-safe.
 */
public class ServiceTitanClient {

	private static final ParameterizedTypeReference<StPage<StCategory>> CATEGORY_PAGE = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<StCategory> CATEGORY = new ParameterizedTypeReference<>() {
	};

	private final GuardedCalls calls;

	private final ServiceTitanProperties properties;

	ServiceTitanClient(GuardedCalls calls, ServiceTitanProperties properties) {
		this.calls = calls;
		this.properties = properties;
	}

	/** Ids of the tenants with configured credentials. */
	public Set<String> tenants() {
		return properties.effectiveTenants().keySet();
	}

	/** Whether {@code tenant} has configured credentials. */
	public boolean serves(String tenant) {
		return properties.effectiveTenants().containsKey(tenant);
	}

	/**
	 * One page of {@code GET /pricebook/v2/tenant/{tenant}/categories} with active and inactive roots,
	 * subcategories nested ({@code active=Any}, {@code includeTotal=true}, {@code page-size} per page).
	 *
	 * @param page 1-based
	 * @param modifiedOnOrAfter inclusive lower bound of {@code modifiedOn} (UTC), or {@code null} for all
	 * @throws ServiceTitanException when the call fails for good
	 */
	public StPage<StCategory> categories(String tenant, int page, @Nullable Instant modifiedOnOrAfter, CallCounts counts) {

		var call = "GET /pricebook/v2/tenant/" + tenant + "/categories?page=" + page
				+ (modifiedOnOrAfter == null ? "" : "&modifiedOnOrAfter=" + modifiedOnOrAfter);
		return calls.get(tenant, call, counts, api -> api.get().uri(uri -> {
			uri.path("/pricebook/v2/tenant/{tenant}/categories")
				.queryParam("page", page)
				.queryParam("pageSize", properties.pageSize())
				.queryParam("includeTotal", true)
				.queryParam("active", "Any");
			if (modifiedOnOrAfter != null) {
				uri.queryParam("modifiedOnOrAfter", modifiedOnOrAfter.toString());
			}
			return uri.build(tenant);
		}), CATEGORY_PAGE);
	}

	/**
	 * {@code GET /pricebook/v2/tenant/{tenant}/categories/{id}}: the only answer whose {@code image} is
	 * right for a subcategory.
	 *
	 * @return the category, or empty when ServiceTitan answers 404 (deleted since it was listed)
	 * @throws ServiceTitanException when the call fails for good
	 */
	public Optional<StCategory> category(String tenant, long id, CallCounts counts) {

		var call = "GET /pricebook/v2/tenant/" + tenant + "/categories/" + id;
		try {
			return Optional.of(calls.get(tenant, call, counts,
					api -> api.get().uri("/pricebook/v2/tenant/{tenant}/categories/{id}", tenant, id), CATEGORY));
		}
		catch (ServiceTitanException ex) {
			if (ex.status() == HttpStatus.NOT_FOUND.value()) {
				return Optional.empty();
			}
			throw ex;
		}
	}
}
