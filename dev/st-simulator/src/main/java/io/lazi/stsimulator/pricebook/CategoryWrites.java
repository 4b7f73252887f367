package io.lazi.stsimulator.pricebook;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.lazi.stsimulator.errors.ApiException;
import org.jspecify.annotations.Nullable;

/**
 * ServiceTitan's category writes applied to one tenant's snapshot: pure functions from a snapshot
 * and a request to the new category, answering {@link ApiException} (400 naming the field, 404)
 * for a request ServiceTitan would refuse. A moved category keeps its children, so its whole
 * subtree moves with it.
 */
final class CategoryWrites {

	private CategoryWrites() {
	}

	static Category create(TenantCategories snapshot, long id, CategoryChanges request, Instant now) {

		var parentId = request.parentId();
		requireParent(snapshot, parentId, null);
		var position = request.position() != null ? request.position() : nextPosition(snapshot, parentId);
		return new Category(id, parentId, Objects.requireNonNull(request.name()), !Boolean.FALSE.equals(request.active()),
				blankToNull(request.description()), blankToNull(request.image()), position,
				Objects.requireNonNull(request.categoryType()), orEmpty(request.businessUnitIds()),
				orEmpty(request.skuImages()), orEmpty(request.skuVideos()), null, null, false, now, now);
	}

	static Category update(TenantCategories snapshot, long id, CategoryChanges request, Instant now) {

		var current = snapshot.find(id).orElseThrow(() -> ApiException.notFound("Category with id %d".formatted(id)));
		var parentId = request.parentSupplied() ? request.parentId() : current.parentId();
		var moved = !Objects.equals(parentId, current.parentId());
		if (moved) {
			requireParent(snapshot, parentId, id);
		}
		var position = request.position() != null ? request.position()
				: moved ? nextPosition(snapshot, parentId) : current.position();
		return new Category(id, parentId, pick(request.name(), current.name()), pick(request.active(), current.active()),
				request.description() != null ? blankToNull(request.description()) : current.description(),
				request.image() != null ? blankToNull(request.image()) : current.image(), position,
				pick(request.categoryType(), current.categoryType()),
				pick(request.businessUnitIds(), current.businessUnitIds()), pick(request.skuImages(), current.skuImages()),
				pick(request.skuVideos(), current.skuVideos()), current.source(), current.externalId(),
				current.hideInMobile(), current.createdOn(), now);
	}

	/**
	 * Refuses an unknown parent and, for a move of {@code moving}, a parent inside its own subtree.
	 */
	private static void requireParent(TenantCategories snapshot, @Nullable Long parentId, @Nullable Long moving) {

		if (parentId == null) {
			return;
		}
		if (snapshot.find(parentId).isEmpty()) {
			throw ApiException.badRequest("parentId", "Parent category with id %d was not found.".formatted(parentId));
		}
		for (Long ancestor = parentId; moving != null && ancestor != null;
				ancestor = snapshot.find(ancestor).map(Category::parentId).orElse(null)) {
			if (ancestor.longValue() == moving) {
				throw ApiException.badRequest("parentId",
						"Category %d cannot be moved under itself or one of its subcategories.".formatted(moving));
			}
		}
	}

	private static int nextPosition(TenantCategories snapshot, @Nullable Long parentId) {

		var siblings = parentId == null ? snapshot.roots() : snapshot.children(parentId);
		return siblings.stream().mapToInt(Category::position).max().orElse(0) + 1;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private static <T> List<T> orEmpty(@Nullable List<T> values) {
		return values == null ? List.of() : values;
	}

	private static <T> T pick(@Nullable T supplied, T current) {
		return supplied != null ? supplied : current;
	}
}
