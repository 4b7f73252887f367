package io.lazi.platform.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names the service and the document path of an {@link OpenApiContract} test class. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface OpenApiDocument {

	/** The service's name: its committed document is {@code docs/openapi/<service>.json}. */
	String service();

	/** Where the service serves its document, inside its gateway route group, e.g. {@code /api/pricebook/openapi}. */
	String path();
}
