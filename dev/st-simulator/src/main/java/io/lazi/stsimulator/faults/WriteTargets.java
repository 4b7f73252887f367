package io.lazi.stsimulator.faults;

import io.lazi.stsimulator.errors.ApiException;
import org.jspecify.annotations.Nullable;

/**
 * Which write calls a fault rule targets: a rule naming neither a category nor an item targets every write call of
 * its tenant; otherwise only the writes of that item (a category's key is its bare id), never a create.
 */
final class WriteTargets {

	private WriteTargets() {
	}

	/**
	 * @param categoryId the rule's category, or null
	 * @param item the rule's item key, or null
	 * @param callItem the key of the item the call writes, null for a create
	 */
	static boolean matches(@Nullable Long categoryId, @Nullable String item, @Nullable String callItem) {

		var target = categoryId != null ? categoryId.toString() : item;
		return target == null || target.equals(callItem);
	}

	/**
	 * Refuses a rule naming both a category and an item, or a blank item.
	 *
	 * @throws ApiException a 400 naming {@code item}
	 */
	static void check(@Nullable Long categoryId, @Nullable String item) {

		if (item != null && (item.isBlank() || categoryId != null)) {
			throw ApiException.badRequest("item", "The item field must be a key such as jobs/80000017, and not "
					+ "given together with categoryId.");
		}
	}
}
