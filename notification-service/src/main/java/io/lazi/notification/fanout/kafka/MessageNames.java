package io.lazi.notification.fanout.kafka;

import java.util.Optional;

import io.lazi.platform.events.EventTypes;

/** The browser message name of each CloudEvents type (docs/architecture.md, "WebSocket messages"). */
final class MessageNames {

	private MessageNames() {
	}

	/** The message name for {@code ceType}; empty for types browsers are not told about. */
	static Optional<String> of(String ceType) {

		return Optional.ofNullable(switch (ceType) {
			case EventTypes.SYNC_STARTED -> "sync:started";
			case EventTypes.SYNC_COMPLETED -> "sync:completed";
			case EventTypes.SYNC_FAILED -> "sync:failed";
			case EventTypes.PRICEBOOK_CATEGORIES_SYNCED -> "pricebook:categories:synced";
			case EventTypes.PRICEBOOK_CATEGORY_CREATED, EventTypes.PRICEBOOK_CATEGORY_UPDATED,
					EventTypes.PRICEBOOK_CATEGORY_MOVED, EventTypes.PRICEBOOK_CATEGORY_DEACTIVATED,
					EventTypes.PRICEBOOK_CATEGORY_OVERRIDE_SAVED, EventTypes.PRICEBOOK_CATEGORY_DELETED,
					EventTypes.PRICEBOOK_CATEGORY_PUSHED ->
				"pricebook:categories:updated";
			case EventTypes.PRICEBOOK_CATEGORY_CONFLICT -> "pricebook:categories:conflict";
			case EventTypes.PRICEBOOK_CATEGORIES_PUSHED -> "pricebook:categories:pushed";
			case EventTypes.CRM_STAGE_MOVED -> "crm:stage-moved";
			default -> null;
		});
	}
}
