package io.lazi.pricebook.category.edit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lazi.pricebook.category.internal.StoredNode;
import io.lazi.pricebook.category.tree.CategoryView;

/** The items with unpushed local changes: {@code {count, items}}. */
public record PendingItems(int count, List<Item> items) {

	/**
	 * One pending item.
	 *
	 * @param localStatus {@code NONE}, {@code CREATED} or {@code DELETED}
	 * @param pendingFields {@code name}, {@code image}, {@code position}, {@code parent}
	 * @param conflictId its unresolved conflict; such an item is not pushed until the conflict is resolved
	 */
	public record Item(long stId, String name, String localStatus, List<String> pendingFields,
			@Nullable Instant pendingSince, CategoryView.@Nullable PushError pushError, @Nullable UUID conflictId) {

		static Item of(StoredNode stored) {

			var local = stored.local();
			return new Item(stored.node().stId(), stored.node().name(), local.localStatus(), local.pendingFields(),
					local.pendingSince(), CategoryView.PushError.of(local), local.conflictId());
		}
	}
}
