package io.lazi.image;

import io.lazi.platform.test.OpenApiContract;
import io.lazi.platform.test.OpenApiDocument;

/** The service's OpenAPI document, held to the committed one (see {@link OpenApiContract}). */
@OpenApiDocument(service = "image-service", path = "/images/openapi")
class OpenApiDocumentIntegrationTests extends ImageIntegrationTestSupport implements OpenApiContract {
}
