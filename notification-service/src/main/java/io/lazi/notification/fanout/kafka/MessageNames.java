package io.lazi.notification.fanout.kafka;

import java.util.Map;
import java.util.Optional;

import io.lazi.platform.events.CategoriesPushed;
import io.lazi.platform.events.CategoriesSynced;
import io.lazi.platform.events.CategoryChanged;
import io.lazi.platform.events.CategoryConflictDetected;
import io.lazi.platform.events.EventType;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.OpportunityStageMoved;
import io.lazi.platform.events.SyncCompleted;
import io.lazi.platform.events.SyncFailed;
import io.lazi.platform.events.SyncStarted;

/**
 * The browser message name of each payload record (docs/architecture.md, "WebSocket messages"); every
 * registered type carrying the record shares its name.
 */
final class MessageNames {

	private static final Map<Class<?>, String> BY_PAYLOAD = Map.of(SyncStarted.class, "sync:started",
			SyncCompleted.class, "sync:completed", SyncFailed.class, "sync:failed", CategoriesSynced.class,
			"pricebook:categories:synced", CategoryChanged.class, "pricebook:categories:updated",
			CategoryConflictDetected.class, "pricebook:categories:conflict", CategoriesPushed.class,
			"pricebook:categories:pushed", OpportunityStageMoved.class, "crm:stage-moved");

	private MessageNames() {
	}

	/** The message name for events of {@code type}; empty for types browsers are not told about. */
	static Optional<String> of(EventType<?> type) {
		return Optional.ofNullable(BY_PAYLOAD.get(type.payloadClass()));
	}

	/** The message name for {@code ceType}; empty for types browsers are not told about, or unknown ones. */
	static Optional<String> of(String ceType) {
		return Events.find(ceType).flatMap(MessageNames::of);
	}
}
