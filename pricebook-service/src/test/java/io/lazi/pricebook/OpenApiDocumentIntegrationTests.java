package io.lazi.pricebook;

import io.lazi.platform.test.OpenApiContract;
import io.lazi.platform.test.OpenApiDocument;

/** The service's OpenAPI document, held to the committed one (see {@link OpenApiContract}). */
@PricebookIntegrationTest
@OpenApiDocument(service = "pricebook-service", path = "/api/pricebook/openapi")
class OpenApiDocumentIntegrationTests implements OpenApiContract {
}
