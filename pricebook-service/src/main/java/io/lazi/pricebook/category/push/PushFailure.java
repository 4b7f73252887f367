package io.lazi.pricebook.category.push;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.events.CommandAction;
import io.lazi.pricebook.category.push.internal.PushResults;

/**
 * A pending item whose last push failed.
 *
 * @param id the failed command's id; {@code POST /api/pricebook/categories/errors/{id}/auto-fix} repairs it
 * @param action {@code UPDATE_CATEGORY}, {@code CREATE_CATEGORY} or {@code DELETE_CATEGORY}
 * @param stStatus ServiceTitan's HTTP status, {@code null} when none was reached
 * @param fix what auto-fix would do: {@code reparent} (parent gone from ServiceTitan: move under the nearest
 *        ancestor still there), {@code recreate} (deleted in ServiceTitan: create it again),
 *        {@code drop_image} (image upload missing: push the rest), {@code retry} (transient failure), or
 *        {@code null} when it cannot be fixed automatically
 */
public record PushFailure(UUID id, long stId, String name, CommandAction action, @Nullable Integer stStatus,
		@Nullable String message, Instant failedAt, UUID pushId, @Nullable String fix) {

	public static final String REPARENT = "reparent";

	public static final String RECREATE = "recreate";

	public static final String DROP_IMAGE = "drop_image";

	public static final String RETRY = "retry";

	/** Classifies a failure by ServiceTitan's status and message. */
	public static @Nullable String fix(CommandAction action, @Nullable Integer stStatus, @Nullable String message) {

		var text = message == null ? "" : message.toLowerCase(Locale.ROOT);
		if (text.contains("was not created") || text.contains("timeout") || text.contains("timed out")) {
			return RETRY;
		}
		if (text.contains("parent") || (action == CommandAction.CREATE_CATEGORY && Integer.valueOf(404).equals(stStatus))) {
			return REPARENT;
		}
		if (action == CommandAction.UPDATE_CATEGORY
				&& (Integer.valueOf(404).equals(stStatus) || PushResults.DELETED_IN_ST.equals(message))) {
			return RECREATE;
		}
		if (text.contains("image")) {
			return DROP_IMAGE;
		}
		if (stStatus == null || stStatus >= 500 || stStatus == 429) {
			return RETRY;
		}
		return null;
	}
}
