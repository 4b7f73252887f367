package io.lazi.pricebook.category.push.kafka;

import io.lazi.platform.events.EventTypes;
import io.lazi.platform.events.StCommandCompleted;
import io.lazi.platform.events.SyncCompleted;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.platform.kafka.IncomingEvent;

/** The events on {@code sync.events}, as far as the pricebook cares about them. */
sealed interface SyncEvent {

	/** A run of some resource completed; only {@code pricebook.categories} runs concern the tree. */
	record Completed(IncomingEvent event, SyncCompleted payload) implements SyncEvent {
	}

	/** st-ingest's outcome of one of our commands (push or pull). */
	record CommandCompleted(IncomingEvent event, StCommandCompleted payload) implements SyncEvent {
	}

	/** Started, failed or our own {@code CategoriesSynced} / {@code CategoriesPushed}: nothing to apply. */
	record Irrelevant(String type) implements SyncEvent {
	}

	/** A type this version does not know (a newer producer); skipped, consumers ignore what they don't know. */
	record Unknown(String type) implements SyncEvent {
	}

	static SyncEvent of(IncomingEvent event, CloudEventCodec codec) {
		return switch (event.type()) {
			case EventTypes.SYNC_COMPLETED -> new Completed(event, codec.payload(event, SyncCompleted.class));
			case EventTypes.ST_COMMAND_COMPLETED ->
				new CommandCompleted(event, codec.payload(event, StCommandCompleted.class));
			case EventTypes.SYNC_STARTED, EventTypes.SYNC_FAILED, EventTypes.PRICEBOOK_CATEGORIES_SYNCED,
					EventTypes.PRICEBOOK_CATEGORIES_PUSHED ->
				new Irrelevant(event.type());
			default -> new Unknown(event.type());
		};
	}
}
