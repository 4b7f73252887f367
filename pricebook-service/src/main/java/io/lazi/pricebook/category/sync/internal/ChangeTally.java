package io.lazi.pricebook.category.sync.internal;

import java.util.List;

import io.lazi.platform.events.Events;
import io.lazi.pricebook.category.internal.CategoryChange;

/** Nodes created, updated (moves included) and deactivated by applying part of a sync run. */
public record ChangeTally(int created, int updated, int deactivated) {

	public static ChangeTally of(List<CategoryChange> changes) {

		var created = 0;
		var updated = 0;
		var deactivated = 0;
		for (var change : changes) {
			var type = change.type();
			if (type == Events.PRICEBOOK_CATEGORY_CREATED) {
				created++;
			}
			else if (type == Events.PRICEBOOK_CATEGORY_DEACTIVATED) {
				deactivated++;
			}
			else if (type == Events.PRICEBOOK_CATEGORY_UPDATED || type == Events.PRICEBOOK_CATEGORY_MOVED) {
				updated++;
			}
			else {
				throw new IllegalStateException("Unknown change type " + type);
			}
		}
		return new ChangeTally(created, updated, deactivated);
	}

	ChangeTally plus(ChangeTally other) {
		return new ChangeTally(created + other.created, updated + other.updated, deactivated + other.deactivated);
	}
}
