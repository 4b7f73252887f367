package io.lazi.crm;

import io.lazi.platform.test.OpenApiContract;
import io.lazi.platform.test.OpenApiDocument;

/** The service's OpenAPI document, held to the committed one (see {@link OpenApiContract}). */
@CrmIntegrationTest
@OpenApiDocument(service = "crm-pipeline-service", path = "/api/crm/openapi")
class OpenApiDocumentIntegrationTests implements OpenApiContract {
}
