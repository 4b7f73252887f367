package io.lazi.platform.events;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of the {@code io.lazi.pricebook.category.*} events on {@link Topics#PRICEBOOK_CHANGED}:
 * one real change of one node of the tenant's pricebook tree. Reaches browsers as
 * {@code pricebook:categories:updated}.
 *
 * @param stId ServiceTitan id of the category or subcategory
 * @param parentStId its parent, {@code null} for a root
 * @param path ltree path of ServiceTitan ids from the root, e.g. {@code 41000101.41000111}
 * @param changes names of the fields that changed ({@code name}, {@code image}, {@code position},
 *        {@code active}, {@code parent}, …); every field for a created node
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CategoryChanged(String tenantId, long stId, @Nullable Long parentStId, int depth, String path,
		String name, @Nullable String imagePath, int position, boolean active, List<String> changes)
		implements TenantPayload {
}
