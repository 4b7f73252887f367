package io.lazi.pricebook.category.internal;

import java.util.List;

import io.lazi.platform.events.CategoryChanged;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.OutgoingEvent;

/** Turns node changes into {@code pricebook.changed} events keyed {@code {tenantId}:{stId}}. */
public final class ChangeEvents {

	private ChangeEvents() {
	}

	public static List<OutgoingEvent> of(String tenantId, List<CategoryChange> changes) {
		return changes.stream().map(change -> of(tenantId, change)).toList();
	}

	public static OutgoingEvent of(String tenantId, CategoryChange change) {

		var node = change.node();
		var payload = new CategoryChanged(tenantId, node.stId(), node.parentStId(), node.depth(), node.path(),
				node.name(), node.imagePath(), node.position(), node.active(), change.changes());
		return new OutgoingEvent(Topics.PRICEBOOK_CHANGED, Topics.entityKey(tenantId, node.stId()), change.type(),
				Long.toString(node.stId()), tenantId, payload);
	}
}
