package io.lazi.pricebook.category.push.internal;

import static io.lazi.pricebook.jooq.Tables.CATEGORY;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.Field;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.events.CommandAction;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.StCategory;
import io.lazi.platform.events.StCommandCompleted;
import io.lazi.pricebook.category.conflict.ConflictRecorder;
import io.lazi.pricebook.category.internal.CategoryChange;
import io.lazi.pricebook.category.internal.CategoryRows;
import io.lazi.pricebook.category.internal.CategoryTable;
import io.lazi.pricebook.category.internal.ChangeAnnouncer;
import io.lazi.pricebook.category.internal.LocalState;
import io.lazi.pricebook.category.internal.StoredNode;
import io.lazi.pricebook.listing.Timestamps;

/**
 * Applies the outcome of one push command to its item. Called at most once per command (the push item
 * moves out of {@code SENT} in the same transaction).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PushResults {

	/** The message of an update ServiceTitan answered 404: the item is gone there. */
	public static final String DELETED_IN_ST = "deleted in ServiceTitan";

	private static final Logger LOG = LoggerFactory.getLogger(PushResults.class);

	private final CategoryTable categories;

	private final CategoryRows rows;

	private final ChangeAnnouncer announcer;

	private final ConflictRecorder conflicts;

	/** Applies ServiceTitan's acceptance of {@code item}'s command. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void succeeded(String tenantId, PushItem item, StCommandCompleted result, OffsetDateTime now) {

		var stored = rows.lock(tenantId, item.stId()).orElse(null);
		if (stored == null) {
			LOG.debug("Item {} of tenant {} is gone; nothing to apply for {}", item.stId(), tenantId, item.commandId());
			return;
		}
		if (item.action() == CommandAction.DELETE_CATEGORY) {
			categories.deleteSubtree(tenantId, item.stId());
			conflicts.closeGone(tenantId, now);
			announcer.announce(tenantId, new CategoryChange(stored.node().deactivated(),
					Events.PRICEBOOK_CATEGORY_PUSHED, List.of("deleted")));
			return;
		}
		var category = result.category();
		var stId = item.stId();
		if (item.action() == CommandAction.CREATE_CATEGORY && category != null && category.id() != stId) {
			categories.replaceId(tenantId, stId, category.id());
			stId = category.id();
		}
		categories.update(tenantId, stId, values(stored, item, category, result.imagePath()));
		announcer.announceStored(tenantId, stId, Events.PRICEBOOK_CATEGORY_PUSHED, item.fields());
	}

	/**
	 * Settles a position push ServiceTitan answered 404 for an inactive item: a sibling renumbered by a move
	 * that ServiceTitan had deleted meanwhile (locally it is only deactivated). A position of an item that no
	 * longer exists means nothing, so the item stops being pending and shows ServiceTitan's last position
	 * instead of offering to recreate it. Anything else pending on it (or an active item) stays a failure.
	 *
	 * @return {@code true} when the item was settled, {@code false} when it is a failure to record
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean settleGonePosition(String tenantId, PushItem item) {

		var stored = rows.lock(tenantId, item.stId()).orElse(null);
		var position = List.of(LocalState.POSITION);
		if (stored == null || stored.node().active() || !position.equals(item.fields())
				|| !position.equals(stored.local().pendingFields()) || stored.local().localVersion() != item.localVersion()) {
			return false;
		}
		var values = new HashMap<Field<?>, Object>(CategoryTable.errorValues(null, null, null, null, null));
		values.put(CATEGORY.LOCAL_STATUS, LocalState.NONE);
		values.put(CATEGORY.PENDING_FIELDS, new String[0]);
		values.put(CATEGORY.PENDING_SINCE, null);
		values.put(CATEGORY.BASE_ST_MODIFIED_ON, null);
		values.put(CATEGORY.POSITION, stored.local().stPosition() == null ? stored.node().position()
				: stored.local().stPosition());
		categories.update(tenantId, item.stId(), values);
		LOG.info("Position push {} of category {} (tenant {}): ServiceTitan no longer has it; settled",
				item.commandId(), item.stId(), tenantId);
		return true;
	}

	/** Records the failure of {@code item}'s command on its item. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void failed(String tenantId, PushItem item, @Nullable Integer status, String message, OffsetDateTime now) {
		categories.update(tenantId, item.stId(),
				CategoryTable.errorValues(status, message, now, item.pushId(), item.commandId()));
	}

	/**
	 * ServiceTitan's answer into the {@code st_*} columns; the pushed fields are no longer pending unless
	 * the user changed the item again after the command was issued. Every field no longer pending shows
	 * ServiceTitan's value (the parent excepted: a discarded move that still landed waits for the next sync).
	 */
	private static HashMap<Field<?>, Object> values(StoredNode stored, PushItem item, @Nullable StCategory category,
			@Nullable String imagePath) {

		var local = stored.local();
		var node = stored.node();
		var values = new HashMap<Field<?>, Object>();
		var stImage = imagePath != null ? imagePath : category == null ? local.stImagePath() : category.image();
		values.put(CATEGORY.ST_NAME, category == null ? node.name() : category.name());
		values.put(CATEGORY.ST_IMAGE_PATH, stImage);
		values.put(CATEGORY.ST_POSITION, category == null ? node.position() : category.position());
		values.put(CATEGORY.ST_PARENT_ST_ID, category == null ? node.parentStId() : category.parentId());
		values.put(CATEGORY.ST_ROOT_ST_ID, node.rootStId());
		if (category != null && category.modifiedOn() != null) {
			values.put(CATEGORY.MODIFIED_ON, Timestamps.offset(category.modifiedOn()));
		}
		values.put(CATEGORY.LOCAL_STATUS, LocalState.NONE);
		values.putAll(CategoryTable.errorValues(null, null, null, null, null));
		var remaining = new ArrayList<>(local.pendingFields());
		if (local.localVersion() == item.localVersion()) {
			remaining.removeAll(item.fields());
		}
		values.put(CATEGORY.PENDING_FIELDS, remaining.toArray(String[]::new));
		if (!remaining.contains(LocalState.NAME)) {
			values.put(CATEGORY.NAME, values.get(CATEGORY.ST_NAME));
		}
		if (!remaining.contains(LocalState.POSITION)) {
			values.put(CATEGORY.POSITION, values.get(CATEGORY.ST_POSITION));
		}
		if (!remaining.contains(LocalState.IMAGE)) {
			values.put(CATEGORY.IMAGE_PATH, stImage);
			values.put(CATEGORY.OVERRIDE_IMAGE_UPLOAD_ID, null);
		}
		if (remaining.isEmpty()) {
			values.put(CATEGORY.PENDING_SINCE, null);
			values.put(CATEGORY.BASE_ST_MODIFIED_ON, null);
		}
		else {
			values.put(CATEGORY.BASE_ST_MODIFIED_ON,
					values.getOrDefault(CATEGORY.MODIFIED_ON, Timestamps.offset(node.modifiedOn())));
		}
		return values;
	}
}
