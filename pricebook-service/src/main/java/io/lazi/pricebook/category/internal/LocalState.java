package io.lazi.pricebook.category.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a stored node holds beside its effective values: ServiceTitan's last known values and the
 * local edit state.
 *
 * @param stName ServiceTitan's last known name; {@code null} for a local create never pushed
 * @param overrideImageUploadId a local image (image-service upload) not yet pushed
 * @param localStatus {@code NONE}, {@code CREATED} or {@code DELETED}
 * @param pendingFields ServiceTitan fields changed locally and not yet pushed: {@code name},
 *        {@code image}, {@code position}, {@code parent}
 * @param baseStModifiedOn ServiceTitan's modifiedOn when the local change began
 * @param localVersion counts local edits
 * @param conflictId the open (or manual) conflict of this item
 */
public record LocalState(@Nullable String stName, @Nullable String stImagePath, @Nullable Integer stPosition,
		@Nullable Long stParentStId, @Nullable Long stRootStId, @Nullable UUID overrideImageUploadId, boolean visibleCrm,
		String localStatus, List<String> pendingFields, @Nullable Instant pendingSince,
		@Nullable Instant baseStModifiedOn, int localVersion, @Nullable Integer errorStatus,
		@Nullable String errorMessage, @Nullable Instant errorAt, @Nullable UUID errorPushId,
		@Nullable UUID conflictId) {

	public static final String NONE = "NONE";

	public static final String CREATED = "CREATED";

	public static final String DELETED = "DELETED";

	/** Pending field: the name. */
	public static final String NAME = "name";

	/** Pending field: the image. */
	public static final String IMAGE = "image";

	/** Pending field: the position among siblings. */
	public static final String POSITION = "position";

	/** Pending field: the parent. */
	public static final String PARENT = "parent";

	/** Fields a push writes to ServiceTitan, in a stable order. */
	public static final List<String> ST_FIELDS = List.of(NAME, IMAGE, POSITION, PARENT);

	public boolean pending() {
		return !NONE.equals(localStatus) || !pendingFields.isEmpty();
	}

	public boolean pendingField(String field) {
		return pendingFields.contains(field);
	}
}
