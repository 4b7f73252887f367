package io.lazi.platform.openapi;

import java.util.Set;

import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;

/** Schemas for the services' own springdoc customizers, written as OpenAPI 3.1 expects them. */
public final class OpenApiSchemas {

	private OpenApiSchemas() {
	}

	/**
	 * A schema of one JSON type ({@code string}, {@code integer}, {@code object}, …). OpenAPI 3.1 writes a schema's
	 * type from its {@code types}, which swagger's typed schema classes leave empty, so they would lose it.
	 */
	public static Schema<Object> of(String type) {
		return new Schema<>().specVersion(SpecVersion.V31).types(Set.of(type)).type(type);
	}
}
