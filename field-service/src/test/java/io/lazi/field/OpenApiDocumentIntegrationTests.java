package io.lazi.field;

import io.lazi.platform.test.OpenApiContract;
import io.lazi.platform.test.OpenApiDocument;

/** The service's OpenAPI document, held to the committed one (see {@link OpenApiContract}). */
@FieldIntegrationTest
@OpenApiDocument(service = "field-service", path = "/api/v2/openapi")
class OpenApiDocumentIntegrationTests implements OpenApiContract {
}
