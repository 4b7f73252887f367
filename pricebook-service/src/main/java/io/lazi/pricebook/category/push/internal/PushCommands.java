package io.lazi.pricebook.category.push.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.events.CategoryWrite;
import io.lazi.platform.events.CommandAction;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.StCommand;
import io.lazi.platform.kafka.OutgoingEvent;
import io.lazi.pricebook.category.internal.LocalState;
import io.lazi.pricebook.category.internal.StoredNode;

/** Builds the {@code st.commands} records of pending items. Pure and thread-safe. */
public final class PushCommands {

	private PushCommands() {
	}

	/** What a pending item asks of ServiceTitan. */
	static CommandAction action(LocalState local) {
		return switch (local.localStatus()) {
			case LocalState.CREATED -> CommandAction.CREATE_CATEGORY;
			case LocalState.DELETED -> CommandAction.DELETE_CATEGORY;
			default -> CommandAction.UPDATE_CATEGORY;
		};
	}

	/** The parent id the command needs to carry, or {@code null} when it carries none. */
	static @Nullable Long neededParent(StoredNode stored) {

		var action = action(stored.local());
		return action == CommandAction.CREATE_CATEGORY
				|| (action == CommandAction.UPDATE_CATEGORY && stored.local().pendingField(LocalState.PARENT))
						? stored.node().parentStId() : null;
	}

	/** The write of only the changed ServiceTitan fields; {@code null} for a delete. */
	static @Nullable CategoryWrite write(StoredNode stored) {

		var node = stored.node();
		var local = stored.local();
		return switch (action(local)) {
			case CREATE_CATEGORY -> new CategoryWrite(node.name(), node.parentStId(), node.position(), null,
					local.overrideImageUploadId(), null, node.categoryType(), null);
			case UPDATE_CATEGORY -> new CategoryWrite(local.pendingField(LocalState.NAME) ? node.name() : null,
					local.pendingField(LocalState.PARENT) ? node.parentStId() : null,
					local.pendingField(LocalState.POSITION) ? node.position() : null, null,
					local.pendingField(LocalState.IMAGE) ? local.overrideImageUploadId() : null, null, null, null);
			default -> null;
		};
	}

	/** The {@code st.commands} record of {@code stored}'s pending change. */
	public static OutgoingEvent command(String tenantId, UUID pushId, UUID commandId, StoredNode stored) {

		var stId = stored.node().stId();
		var command = new StCommand(commandId, tenantId, pushId, action(stored.local()), stId, write(stored),
				Instant.now());
		return OutgoingEvent.of(Events.ST_COMMAND, Long.toString(stId), command);
	}

	/** The {@code st.commands} record asking for ServiceTitan's current state of one category. */
	public static OutgoingEvent pull(String tenantId, UUID commandId, long stId) {

		var command = new StCommand(commandId, tenantId, null, CommandAction.PULL_CATEGORY, stId, null, Instant.now());
		return OutgoingEvent.of(Events.ST_COMMAND, Long.toString(stId), command);
	}
}
