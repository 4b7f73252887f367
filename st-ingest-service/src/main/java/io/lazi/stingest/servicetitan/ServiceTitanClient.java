package io.lazi.stingest.servicetitan;

import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.lazi.platform.events.StCategory;
import io.lazi.platform.events.StContact;
import io.lazi.platform.events.StCustomer;
import io.lazi.platform.events.StJobHistory;

/**
 * ServiceTitan reads (pricebook v2, and the CRM, JPM, Sales, Settings and Dispatch lists) for the configured tenants. Calls block (use virtual threads for
 * concurrency), share the tenant's rate budget and retry transient failures; see {@link GuardedCalls}. Every
 * call names its path template, which {@code http.client.requests} tags as {@code uri} (never the tenant or ids).
 * Thread-safe.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ServiceTitanClient {

	private static final ParameterizedTypeReference<StPage<StCategory>> CATEGORY_PAGE = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<StCategory> CATEGORY = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<StPage<StModifiedContact>> MODIFIED_CONTACT_PAGE =
			new ParameterizedTypeReference<>() {
			};

	private static final ParameterizedTypeReference<StPage<StCustomer>> CUSTOMER_PAGE = new ParameterizedTypeReference<>() {
	};

	/** Most ids ServiceTitan takes in one {@code ids} filter. */
	public static final int MAX_IDS = 50;

	private static final ParameterizedTypeReference<StPage<StContact>> CONTACT_PAGE = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<JobHistoryAnswer> JOB_HISTORY = new ParameterizedTypeReference<>() {
	};

	private final GuardedCalls calls;

	private final ServiceTitanProperties properties;

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
		return calls.get(tenant, call, counts, api -> api.get().uri("/pricebook/v2/tenant/{tenant}/categories", uri -> {
			uri.queryParam("page", page)
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

	/**
	 * {@code GET /pricebook/v2/tenant/{tenant}/images?path=…} ({@code Images_Get}): where the image at
	 * the storage path {@code path} (case-sensitive, starting with {@code Images/}) can be downloaded.
	 *
	 * @return the absolute CDN location ServiceTitan redirects to, or empty when it answers 404
	 * @throws ServiceTitanException when the call fails for good (400 for a path ServiceTitan refuses)
	 */
	public Optional<URI> imageLocation(String tenant, String path, CallCounts counts) {

		var call = "GET /pricebook/v2/tenant/" + tenant + "/images";
		try {
			var location = calls.exchange(tenant, call, counts,
					api -> api.get().uri("/pricebook/v2/tenant/{tenant}/images", uri -> uri
						.queryParam("path", "{path}")
						.build(tenant, path)),
					Answer.redirect());
			return Optional.of(location);
		}
		catch (ServiceTitanException ex) {
			if (ex.status() == HttpStatus.NOT_FOUND.value()) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/**
	 * One page of a ServiceTitan list of {@code tenant} (CRM, JPM, Sales, Settings, Dispatch), oldest id first as
	 * ServiceTitan serves them: {@code pageSize} per page, {@code includeTotal=true}, {@code active=Any}
	 * when {@code activeAny} (endpoints with that filter), {@code modifiedOnOrAfter} when given, and {@code query}.
	 *
	 * @param path the path template with a {@code {tenant}} variable, e.g. {@code /crm/v2/tenant/{tenant}/customers}
	 * @param page 1-based
	 * @param pageSize 1..5000, or null for the configured {@code page-size}
	 * @param query further query parameters, e.g. {@code includeInactive=true}
	 * @throws ServiceTitanException when the call fails for good
	 */
	public <T> StPage<T> list(String tenant, String path, int page, @Nullable Integer pageSize,
			@Nullable Instant modifiedOnOrAfter, boolean activeAny, Map<String, ?> query,
			ParameterizedTypeReference<StPage<T>> type, CallCounts counts) {

		var size = pageSize == null ? properties.pageSize() : pageSize;
		var call = "GET " + path.replace("{tenant}", tenant) + "?page=" + page
				+ (modifiedOnOrAfter == null ? "" : "&modifiedOnOrAfter=" + modifiedOnOrAfter);
		return calls.get(tenant, call, counts, api -> api.get().uri(path, uri -> {
			uri.queryParam("page", page).queryParam("pageSize", size).queryParam("includeTotal", true);
			if (activeAny) {
				uri.queryParam("active", "Any");
			}
			query.forEach(uri::queryParam);
			if (modifiedOnOrAfter != null) {
				uri.queryParam("modifiedOnOrAfter", modifiedOnOrAfter.toString());
			}
			return uri.build(tenant);
		}), type);
	}

	/**
	 * {@code GET /jpm/v2/tenant/{tenant}/jobs/{id}/history} ({@code Jobs_GetHistory}): the job's history entries.
	 *
	 * @return the history, oldest first as ServiceTitan lists it (empty when it has none), or empty when the job
	 *         is gone (404)
	 * @throws ServiceTitanException when the call fails for good
	 */
	public Optional<StJobHistory> jobHistory(String tenant, long jobId, CallCounts counts) {

		var call = "GET /jpm/v2/tenant/" + tenant + "/jobs/" + jobId + "/history";
		try {
			var answer = calls.get(tenant, call, counts,
					api -> api.get().uri("/jpm/v2/tenant/{tenant}/jobs/{id}/history", tenant, jobId), JOB_HISTORY);
			return Optional.of(new StJobHistory(jobId, answer.history() == null ? List.of() : answer.history()));
		}
		catch (ServiceTitanException ex) {
			if (ex.status() == HttpStatus.NOT_FOUND.value()) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/** {@code Jpm.V2.JobHistoryResponse}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record JobHistoryAnswer(@Nullable List<StJobHistory.Entry> history) {
	}

	/**
	 * One page of {@code GET /crm/v2/tenant/{tenant}/customers/{id}/contacts}: a customer's phones and emails.
	 *
	 * @param page 1-based
	 * @throws ServiceTitanException when the call fails for good
	 */
	public StPage<StContact> contacts(String tenant, long customerId, int page, CallCounts counts) {

		var call = "GET /crm/v2/tenant/" + tenant + "/customers/" + customerId + "/contacts?page=" + page;
		return calls.get(tenant, call, counts, api -> api.get()
			.uri("/crm/v2/tenant/{tenant}/customers/{id}/contacts", uri -> uri
				.queryParam("page", page)
				.queryParam("pageSize", properties.pageSize())
				.build(tenant, customerId)), CONTACT_PAGE);
	}

	/**
	 * One page of {@code GET /crm/v2/tenant/{tenant}/customers/contacts} ({@code Customers_GetModifiedContactsList}):
	 * the contacts of every customer modified on or after {@code modifiedOnOrAfter}, each with its customer's id.
	 *
	 * @param page 1-based
	 * @throws ServiceTitanException when the call fails for good
	 */
	public StPage<StModifiedContact> modifiedContacts(String tenant, Instant modifiedOnOrAfter, int page, CallCounts counts) {

		var call = "GET /crm/v2/tenant/" + tenant + "/customers/contacts?modifiedOnOrAfter=" + modifiedOnOrAfter + "&page="
				+ page;
		return calls.get(tenant, call, counts, api -> api.get()
			.uri("/crm/v2/tenant/{tenant}/customers/contacts", uri -> uri
				.queryParam("page", page)
				.queryParam("pageSize", properties.pageSize())
				.queryParam("modifiedOnOrAfter", modifiedOnOrAfter.toString())
				.build(tenant)), MODIFIED_CONTACT_PAGE);
	}

	/**
	 * {@code GET /crm/v2/tenant/{tenant}/customers?ids=…&active=Any}: the customers with these ids, active or not.
	 *
	 * @param ids at most {@value #MAX_IDS}
	 * @throws ServiceTitanException when the call fails for good
	 */
	public StPage<StCustomer> customers(String tenant, Collection<Long> ids, CallCounts counts) {

		if (ids.size() > MAX_IDS) {
			throw new IllegalArgumentException("At most " + MAX_IDS + " ids per call, not " + ids.size());
		}
		var joined = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
		return calls.get(tenant, "GET /crm/v2/tenant/" + tenant + "/customers?ids=" + joined, counts, api -> api.get()
			.uri("/crm/v2/tenant/{tenant}/customers", uri -> uri
				.queryParam("ids", joined)
				.queryParam("pageSize", MAX_IDS)
				.queryParam("active", "Any")
				.build(tenant)), CUSTOMER_PAGE);
	}
}
