package io.lazi.pricebook.category.push.internal;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.events.CommandAction;
import io.lazi.pricebook.category.internal.InFlight;

/**
 * One command of a push.
 *
 * @param stId the item's id when the command was issued (provisional for a create)
 * @param fields the pending fields the command writes
 * @param localVersion the item's local version when the command was built
 * @param waitFor a local create of the same push whose real id this command needs first
 * @param status {@code WAITING}, {@code SENT}, {@code SUCCEEDED}, {@code NOT_FOUND} or {@code FAILED}
 */
public record PushItem(UUID commandId, UUID pushId, long stId, CommandAction action, List<String> fields, int localVersion,
		@Nullable Long waitFor, String status) {

	public static final String WAITING = InFlight.WAITING;

	public static final String SENT = InFlight.SENT;

	public static final String SUCCEEDED = "SUCCEEDED";

	public static final String FAILED = "FAILED";
}
