package io.lazi.platform.events;

/**
 * What an {@link StCommand} asks st-ingest to do to one ServiceTitan category. Subcategories are
 * categories with a {@code parentId}, so every action covers both.
 */
public enum CommandAction {

	/** {@code PATCH /pricebook/v2/tenant/{tenant}/categories/{id}} with the supplied fields only. */
	UPDATE_CATEGORY,

	/** {@code POST /pricebook/v2/tenant/{tenant}/categories}; ServiceTitan assigns the id. */
	CREATE_CATEGORY,

	/** {@code DELETE /pricebook/v2/tenant/{tenant}/categories/{id}}; a 404 counts as already done. */
	DELETE_CATEGORY,

	/** {@code GET /pricebook/v2/tenant/{tenant}/categories/{id}}: refresh one category. */
	PULL_CATEGORY
}
