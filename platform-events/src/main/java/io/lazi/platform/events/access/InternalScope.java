package io.lazi.platform.events.access;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The internal APIs services call each other through, one client-credentials scope each, with the
 * service owning it and the services that call it: the one table the identity provider registers its
 * clients from and the resource servers check. A service token carries its scopes as
 * {@code SCOPE_<value>} authorities and the owning service as {@code aud}.
 */
public enum InternalScope {

	/** st-ingest {@code GET /internal/servicetitan/images}; asked by image-service. */
	SERVICETITAN_IMAGES("internal:servicetitan-images", "st-ingest-service", List.of("image-service")),

	/** st-ingest {@code POST /internal/sync/{area}/{part}}; asked by crm-pipeline-service. */
	SYNC("internal:sync", "st-ingest-service", List.of("crm-pipeline-service")),

	/** image-service {@code GET}/{@code HEAD /internal/uploads/{id}}; asked by st-ingest and pricebook. */
	UPLOADS("internal:uploads", "image-service", List.of("st-ingest-service", "pricebook-service"));

	private final String value;

	private final String audience;

	private final List<String> callers;

	InternalScope(String value, String audience, List<String> callers) {
		this.value = value;
		this.audience = audience;
		this.callers = callers;
	}

	/** The scope as requested and granted, e.g. {@code internal:sync}. */
	public String value() {
		return value;
	}

	/** The {@code spring.application.name} of the service owning the API: the token's {@code aud}. */
	public String audience() {
		return audience;
	}

	/** The {@code spring.application.name}s of the services that call the API: the clients allowed the scope. */
	public List<String> callers() {
		return callers;
	}

	/** The scopes the service {@code clientId} may obtain. */
	public static List<InternalScope> grantedTo(String clientId) {
		return Arrays.stream(values()).filter(scope -> scope.callers.contains(clientId)).toList();
	}

	/** The authority a token with this scope holds. */
	public String authority() {
		return "SCOPE_" + value;
	}

	/** The scope whose {@link #value()} is {@code value}, if any. */
	public static Optional<InternalScope> ofValue(String value) {
		return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
	}
}
