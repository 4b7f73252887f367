package io.lazi.pricebook.category.conflict;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.events.CategoryConflictDetected;
import io.lazi.platform.events.Events;
import io.lazi.platform.kafka.Outbox;
import io.lazi.platform.kafka.OutgoingEvent;
import io.lazi.pricebook.category.conflict.internal.ConflictRepository;
import io.lazi.pricebook.category.internal.CategoryNode;
import io.lazi.pricebook.category.internal.CategoryTable;
import io.lazi.pricebook.category.internal.LocalState;
import io.lazi.pricebook.category.internal.StoredNode;

/**
 * Records a conflict found by a pull, links its item to it and announces a new one on
 * {@code pricebook.changed}. Effective values are never touched here: nothing is resolved silently.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ConflictRecorder {

	/** ServiceTitan changed what is pending locally. */
	public static final String BOTH_MODIFIED = "both_modified";

	/** A local delete is pending and ServiceTitan changed the item. */
	public static final String LOCAL_DELETED_ST_MODIFIED = "local_deleted_st_modified";

	/** ServiceTitan deleted an item with a pending local change. */
	public static final String ST_DELETED_LOCAL_MODIFIED = "st_deleted_local_modified";

	private static final Logger LOG = LoggerFactory.getLogger(ConflictRecorder.class);

	private final ConflictRepository conflicts;

	private final CategoryTable categories;

	private final Outbox outbox;

	/** {@code st} is ServiceTitan's node now, {@code null} when ServiceTitan no longer has it. */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID record(String tenantId, StoredNode stored, @Nullable CategoryNode st, String type, OffsetDateTime now) {

		var node = stored.node();
		var local = stored.local();
		var localSnapshot = new LocalSnapshot(LocalState.DELETED.equals(local.localStatus()) ? null : node.name(),
				node.imagePath(), local.overrideImageUploadId(), node.position(), node.parentStId(),
				local.localStatus(), local.pendingFields());
		var stSnapshot = st == null ? null
				: new StSnapshot(st.name(), st.imagePath(), st.position(), st.parentStId(), st.active(), st.modifiedOn());
		var opened = conflicts.open(tenantId, node.stId(), type, localSnapshot, stSnapshot, now);
		categories.linkConflict(tenantId, node.stId(), opened.id());
		if (opened.isNew()) {
			outbox.append(OutgoingEvent.of(Events.PRICEBOOK_CATEGORY_CONFLICT, Long.toString(node.stId()),
					new CategoryConflictDetected(tenantId, opened.id(), node.stId(), type, localSnapshot.name(),
							st == null ? null : st.name(), st == null ? null : st.modifiedOn(), now.toInstant())));
			LOG.info("Conflict {} ({}) on category {} of tenant {}", opened.id(), type, node.stId(), tenantId);
		}
		return opened.id();
	}

	/**
	 * Closes the unresolved conflicts of items that no longer exist (removed once ServiceTitan deleted them,
	 * or a local create discarded): resolved with strategy {@code gone}, as nothing is left to decide.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void closeGone(String tenantId, OffsetDateTime now) {

		var closed = conflicts.resolveGone(tenantId, now);
		if (!closed.isEmpty()) {
			LOG.info("Closed conflicts {} of tenant {}: their items no longer exist", closed, tenantId);
		}
	}

	record LocalSnapshot(@Nullable String name, @Nullable String imagePath, @Nullable UUID imageUploadId, int position,
			@Nullable Long parentStId, String localStatus, List<String> pendingFields) {
	}

	record StSnapshot(String name, @Nullable String imagePath, int position, @Nullable Long parentStId, boolean active,
			@Nullable Instant modifiedOn) {
	}
}
