package io.lazi.stingest.servicetitan;

import java.io.IOException;
import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;

/**
 * Which ServiceTitan answers count as success for one kind of call, and how such an answer is read.
 * Answers it does not accept go through {@link GuardedCalls}' error handling (429, 401, 5xx retried,
 * other statuses fail with {@link ServiceTitanException}).
 */
interface Answer<T> {

	boolean accepts(HttpStatusCode status);

	/** Reads an accepted answer; {@code null} means it had no usable body. */
	@Nullable
	T read(ConvertibleClientHttpResponse response) throws IOException;

	/** A 2xx JSON body of {@code type}. */
	static <T> Answer<T> json(ParameterizedTypeReference<T> type) {

		return new Answer<>() {

			@Override
			public boolean accepts(HttpStatusCode status) {
				return status.is2xxSuccessful();
			}

			@Override
			public @Nullable T read(ConvertibleClientHttpResponse response) {
				return response.bodyTo(type);
			}
		};
	}

	/**
	 * Any decisive answer of a write: 2xx and every 4xx but 401 and 429 (those stay with the retries),
	 * as status and raw body, for the caller to interpret.
	 */
	static Answer<StReply> reply() {

		return new Answer<>() {

			@Override
			public boolean accepts(HttpStatusCode status) {
				return status.is2xxSuccessful() || (status.is4xxClientError() && status.value() != 401 && status.value() != 429);
			}

			@Override
			public StReply read(ConvertibleClientHttpResponse response) throws IOException {
				try (var body = response.getBody()) {
					return new StReply(response.getStatusCode().value(), body.readAllBytes());
				}
			}
		};
	}

	/** A 3xx redirect: its absolute {@code Location}. */
	static Answer<URI> redirect() {

		return new Answer<>() {

			@Override
			public boolean accepts(HttpStatusCode status) {
				return status.is3xxRedirection();
			}

			@Override
			public @Nullable URI read(ConvertibleClientHttpResponse response) {
				var location = response.getHeaders().getLocation();
				return location == null || !location.isAbsolute() ? null : location;
			}
		};
	}
}
