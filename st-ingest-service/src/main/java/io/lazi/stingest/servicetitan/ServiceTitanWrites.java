package io.lazi.stingest.servicetitan;

import java.time.Instant;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;

/**
 * ServiceTitan pricebook category writes and the single reads that go with them, each answered as an
 * {@link StReply} (2xx or a decisive 4xx) so the caller decides what a 404 or 400 means. Calls share
 * the tenant's rate budget and token with {@link ServiceTitanClient}; reads retry 429, 401, 5xx and I/O
 * failures, writes (create, update, delete) only 429 and 401: after a 5xx or a lost answer the write may
 * have happened, so the caller reads ServiceTitan before sending it again. Thread-safe.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ServiceTitanWrites {

	private static final String CATEGORIES = "/pricebook/v2/tenant/{tenant}/categories";

	private final GuardedCalls calls;

	/**
	 * {@code PATCH /pricebook/v2/tenant/{tenant}/categories/{id}} ({@code CategoryUpdateRequest}): 200
	 * with the {@code CategoryResponse}, 404, or 400 with an {@code ApiErrorResponse}.
	 *
	 * @param fields only the fields to change, by ServiceTitan name
	 * @throws ServiceTitanException when the call fails (5xx and I/O at once, 429 past the retries)
	 */
	public StReply updateCategory(String tenant, long id, Map<String, Object> fields, CallCounts counts) {
		return calls.exchangeOnce(tenant, "PATCH /pricebook/v2/tenant/" + tenant + "/categories/" + id, counts,
				api -> api.patch().uri(CATEGORIES + "/{id}", tenant, id).contentType(MediaType.APPLICATION_JSON).body(fields),
				Answer.reply());
	}

	/**
	 * {@code POST /pricebook/v2/tenant/{tenant}/categories} ({@code CategoryCreateRequest}): 201 with the
	 * new {@code CategoryResponse}, or 400/404 with an {@code ApiErrorResponse}.
	 *
	 * @throws ServiceTitanException when the call fails (5xx and I/O at once, 429 past the retries)
	 */
	public StReply createCategory(String tenant, Map<String, Object> fields, CallCounts counts) {
		return calls.exchangeOnce(tenant, "POST /pricebook/v2/tenant/" + tenant + "/categories", counts,
				api -> api.post().uri(CATEGORIES, tenant).contentType(MediaType.APPLICATION_JSON).body(fields),
				Answer.reply());
	}

	/**
	 * {@code DELETE /pricebook/v2/tenant/{tenant}/categories/{id}}: 204, or 404 when it is gone.
	 *
	 * @throws ServiceTitanException when the call fails (5xx and I/O at once, 429 past the retries)
	 */
	public StReply deleteCategory(String tenant, long id, CallCounts counts) {
		return calls.exchangeOnce(tenant, "DELETE /pricebook/v2/tenant/" + tenant + "/categories/" + id, counts,
				api -> api.delete().uri(CATEGORIES + "/{id}", tenant, id), Answer.reply());
	}

	/**
	 * {@code GET /pricebook/v2/tenant/{tenant}/categories/{id}}: 200 with the category and its
	 * subcategories, or 404.
	 *
	 * @throws ServiceTitanException when the call fails for good
	 */
	public StReply category(String tenant, long id, CallCounts counts) {
		return calls.exchange(tenant, "GET /pricebook/v2/tenant/" + tenant + "/categories/" + id, counts,
				api -> api.get().uri(CATEGORIES + "/{id}", tenant, id), Answer.reply());
	}

	/**
	 * One page of {@code GET /pricebook/v2/tenant/{tenant}/categories} created at or after
	 * {@code createdOnOrAfter}, active or not: 200 with a {@code PaginatedResponse_Of_CategoryResponse}.
	 *
	 * @param page 1-based
	 * @throws ServiceTitanException when the call fails for good
	 */
	public StReply categoriesCreatedSince(String tenant, Instant createdOnOrAfter, int page, CallCounts counts) {
		return calls.exchange(tenant, "GET /pricebook/v2/tenant/" + tenant + "/categories?createdOnOrAfter="
				+ createdOnOrAfter + "&page=" + page, counts,
				api -> api.get()
					.uri(CATEGORIES, uri -> uri
						.queryParam("page", page)
						.queryParam("active", "Any")
						.queryParam("createdOnOrAfter", createdOnOrAfter.toString())
						.build(tenant)),
				Answer.reply());
	}

	/**
	 * {@code POST /pricebook/v2/tenant/{tenant}/images} ({@code Images_Post}), multipart/form-data with
	 * the part {@code file}: 201 {@code {"path": "Images/..."}}, or 400 with an {@code ApiErrorResponse}.
	 * Repeating it after an unclear failure only leaves an unused temporary file, so it retries like a read.
	 *
	 * @throws ServiceTitanException when the call fails for good
	 */
	public StReply uploadImage(String tenant, byte[] bytes, MediaType contentType, String fileName, CallCounts counts) {

		var parts = new MultipartBodyBuilder();
		parts.part("file", new ByteArrayResource(bytes) {

			@Override
			public String getFilename() {
				return fileName;
			}
		}).contentType(contentType).filename(fileName);
		var body = parts.build();
		return calls.exchange(tenant, "POST /pricebook/v2/tenant/" + tenant + "/images", counts,
				api -> api.post().uri("/pricebook/v2/tenant/{tenant}/images", tenant).contentType(MediaType.MULTIPART_FORM_DATA)
					.body(body),
				Answer.reply());
	}
}
