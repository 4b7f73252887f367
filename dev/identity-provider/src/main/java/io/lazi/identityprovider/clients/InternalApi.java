package io.lazi.identityprovider.clients;

import java.util.Arrays;
import java.util.Optional;

/**
 * The internal APIs a service may call on another, each with its scope and the audience (the
 * service that serves it) a token granted that scope is addressed to.
 */
public enum InternalApi {

	/** st-ingest {@code GET /internal/servicetitan/images}, called by image-service. */
	SERVICETITAN_IMAGES("internal:servicetitan-images", "st-ingest-service"),

	/** st-ingest {@code POST /internal/sync/{area}/{part}}, called by crm-pipeline-service. */
	SYNC("internal:sync", "st-ingest-service"),

	/** image-service {@code GET|HEAD /internal/uploads/{id}}, called by st-ingest and pricebook. */
	UPLOADS("internal:uploads", "image-service");

	private final String scope;

	private final String audience;

	InternalApi(String scope, String audience) {
		this.scope = scope;
		this.audience = audience;
	}

	/** The OAuth 2 scope, e.g. {@code internal:uploads}. */
	public String scope() {
		return scope;
	}

	/** The {@code aud} of a token granted {@link #scope()}: the {@code spring.application.name} of the serving service. */
	public String audience() {
		return audience;
	}

	/** The API whose scope is {@code scope}, if any. */
	public static Optional<InternalApi> ofScope(String scope) {
		return Arrays.stream(values()).filter(api -> api.scope.equals(scope)).findFirst();
	}
}
