package io.lazi.stingest;

import io.lazi.platform.test.OpenApiContract;
import io.lazi.platform.test.OpenApiDocument;

/** The service's OpenAPI document, held to the committed one (see {@link OpenApiContract}). */
@OpenApiDocument(service = "st-ingest-service", path = "/api/sync/openapi")
class OpenApiDocumentIntegrationTests extends IntegrationTestSupport implements OpenApiContract {
}
