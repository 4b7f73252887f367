package io.lazi.stingest.sync.web;

import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tells the two paths of each {@link SyncController} handler apart in the OpenAPI document: the resource named by
 * one segment ({@code /api/sync/pricebook/full}) keeps the handler's operation id, the one named by two
 * ({@code /api/sync/pricebook/skus/full}) gets it with {@code OfPart}, instead of springdoc's numbered copies; and
 * says what the path variables hold.
 */
@Component
class SyncDocumentation implements OpenApiCustomizer {

	@Override
	public void customise(OpenAPI openApi) {

		openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
			if (!path.startsWith("/api/sync/{area}")) {
				return;
			}
			var id = operation.getOperationId().replaceFirst("_\\d+$", "");
			operation.setOperationId(path.contains("{part}") ? id + "OfPart" : id);
			operation.getParameters().forEach(parameter -> {
				switch (parameter.getName()) {
					case "area" -> parameter.description("The resource's area: `pricebook`, `crm` or `dispatch`.");
					case "part" -> parameter.description("The resource's part within its area, e.g. `skus` of `pricebook/skus`; never `runs`.");
					default -> {
					}
				}
			});
		}));
	}
}
