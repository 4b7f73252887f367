package io.lazi.pricebook.category.tree;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.lazi.pricebook.category.internal.CategoryNode;
import io.lazi.pricebook.category.internal.LocalState;

/**
 * One category or subcategory as the REST API shows it: the effective values (local edits included)
 * and, in {@code st}, ServiceTitan's last known ones.
 *
 * @param stId ServiceTitan id; negative (provisional) for a local create not yet pushed
 * @param parentStId {@code null} for a root
 * @param depth 0 for a root
 * @param path ltree path of ids from the root, e.g. {@code 41000101.41000111}
 * @param imagePath ServiceTitan storage path of the image, or {@code null}
 * @param imageUrl where image-service serves the effective image: {@code /images/uploads/{id}} for a
 *        local image, {@code /images/db/categories/{stId}} for a root, {@code /images/db/subcategories/{stId}}
 *        for a subcategory; {@code null} without image
 * @param active {@code false} when ServiceTitan marks it inactive or it disappeared from ServiceTitan
 * @param lastSyncedAt when a sync last changed this node
 * @param childCount direct children, inactive ones included
 * @param pending whether local changes wait to be pushed
 * @param pendingFields the ServiceTitan fields changed locally: {@code name}, {@code image},
 *        {@code position}, {@code parent}
 * @param localStatus {@code NONE}, {@code CREATED} (local create) or {@code DELETED} (local delete)
 * @param isVisibleCrm Lazi-only CRM visibility
 * @param pushError the last failed push of a pending change, or {@code null}
 * @param conflictId the unresolved conflict of this item, or {@code null}
 */
public record CategoryView(long stId, @Nullable Long parentStId, long rootStId, int depth, String path, String name,
		@Nullable String description, @Nullable String imagePath, @Nullable String imageUrl, int position,
		boolean active, List<Long> businessUnitIds, String categoryType, @Nullable Instant modifiedOn,
		Instant lastSyncedAt, int childCount, @Nullable StValues st, boolean pending, List<String> pendingFields,
		String localStatus, @JsonProperty("isVisibleCrm") boolean isVisibleCrm, @Nullable PushError pushError,
		@Nullable UUID conflictId) {

	/** The view of a stored row. */
	public static CategoryView of(CategoryNode node, LocalState local, Instant lastSyncedAt, int childCount) {

		var imageUrl = local.overrideImageUploadId() != null ? "/images/uploads/" + local.overrideImageUploadId()
				: node.imagePath() == null || node.imagePath().isBlank() ? null
						: (node.isRoot() ? "/images/db/categories/" : "/images/db/subcategories/") + node.stId();
		var st = local.stName() == null ? null
				: new StValues(local.stName(), local.stImagePath(), local.stPosition(), local.stParentStId(),
						node.modifiedOn());
		return new CategoryView(node.stId(), node.parentStId(), node.rootStId(), node.depth(), node.path(),
				node.name(), node.description(), node.imagePath(), imageUrl, node.position(), node.active(),
				node.businessUnitIds(), node.categoryType(), node.modifiedOn(), lastSyncedAt, childCount, st,
				local.pending(), local.pendingFields(), local.localStatus(), local.visibleCrm(), PushError.of(local),
				local.conflictId());
	}

	/** ServiceTitan's last known values; the whole object is {@code null} for a local create never pushed. */
	public record StValues(String name, @Nullable String imagePath, @Nullable Integer position,
			@Nullable Long parentStId, @Nullable Instant modifiedOn) {
	}

	/**
	 * Why the last push of this item failed.
	 *
	 * @param status ServiceTitan's HTTP status, {@code null} when none was reached
	 * @param pushId the push whose command failed
	 */
	public record PushError(@Nullable Integer status, @Nullable String message, Instant at, @Nullable UUID pushId) {

		/** The row's last push error; {@code null} when it has none. */
		public static @Nullable PushError of(LocalState local) {
			return local.errorAt() == null ? null
					: new PushError(local.errorStatus(), local.errorMessage(), local.errorAt(), local.errorPushId());
		}
	}
}
