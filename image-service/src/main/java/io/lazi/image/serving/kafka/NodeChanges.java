package io.lazi.image.serving.kafka;

import java.util.Optional;
import java.util.Set;

import io.lazi.platform.events.CategoryChanged;
import io.lazi.platform.events.EventType;
import io.lazi.platform.events.Events;
import io.lazi.platform.kafka.ReceivedEvent;

/**
 * The {@code pricebook.changed} events that state a node's depth and image path: created, updated, moved,
 * deactivated and pushed categories. An override only becomes the node's image path once it is pushed, and
 * a pushed image is announced only so (pricebook's node and ServiceTitan agree afterwards, so no later sync
 * reports it as updated).
 */
final class NodeChanges {

	private static final Set<EventType<?>> TYPES = Set.of(Events.PRICEBOOK_CATEGORY_CREATED,
			Events.PRICEBOOK_CATEGORY_UPDATED, Events.PRICEBOOK_CATEGORY_MOVED, Events.PRICEBOOK_CATEGORY_DEACTIVATED,
			Events.PRICEBOOK_CATEGORY_PUSHED);

	private NodeChanges() {
	}

	/** The event as a node change; empty for other types (and for a type this version does not know). */
	static Optional<ReceivedEvent<CategoryChanged>> of(Optional<ReceivedEvent<?>> received) {
		return received.filter(event -> TYPES.contains(event.type())).flatMap(event -> event.as(CategoryChanged.class));
	}
}
