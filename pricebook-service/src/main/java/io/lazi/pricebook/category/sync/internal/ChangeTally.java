package io.lazi.pricebook.category.sync.internal;

import java.util.List;

import io.lazi.platform.events.EventTypes;
import io.lazi.pricebook.category.internal.CategoryChange;

/** Nodes created, updated (moves included) and deactivated by applying part of a sync run. */
public record ChangeTally(int created, int updated, int deactivated) {

	static final ChangeTally NONE = new ChangeTally(0, 0, 0);

	public static ChangeTally of(List<CategoryChange> changes) {

		var created = 0;
		var updated = 0;
		var deactivated = 0;
		for (var change : changes) {
			switch (change.type()) {
				case EventTypes.PRICEBOOK_CATEGORY_CREATED -> created++;
				case EventTypes.PRICEBOOK_CATEGORY_DEACTIVATED -> deactivated++;
				case EventTypes.PRICEBOOK_CATEGORY_UPDATED, EventTypes.PRICEBOOK_CATEGORY_MOVED -> updated++;
				default -> throw new IllegalStateException("Unknown change type " + change.type());
			}
		}
		return new ChangeTally(created, updated, deactivated);
	}

	ChangeTally plus(ChangeTally other) {
		return new ChangeTally(created + other.created, updated + other.updated, deactivated + other.deactivated);
	}
}
