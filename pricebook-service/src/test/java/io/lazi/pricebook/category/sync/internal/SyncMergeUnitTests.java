package io.lazi.pricebook.category.sync.internal;

import static io.lazi.pricebook.category.StCategories.category;
import static io.lazi.pricebook.category.StCategories.root;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.lazi.platform.events.CommandAction;
import io.lazi.pricebook.category.StCategories;
import io.lazi.pricebook.category.internal.CategoryNode;
import io.lazi.pricebook.category.internal.LocalState;
import io.lazi.pricebook.category.internal.StoredNode;
import io.lazi.pricebook.category.push.PushFailure;
import io.lazi.pricebook.category.push.internal.PushResults;
import io.lazi.pricebook.category.sync.internal.SyncMerge.Outcome;

class SyncMergeUnitTests {

	private static final Instant LATER = Instant.parse("2025-01-01T00:00:00Z");

	private final CategoryNode pumps = node("Pumps", 0, null, StCategories.CREATED);

	@Test
	void appliesServiceTitanToAnItemWithoutLocalChanges() {

		var st = node("Pool pumps", 2, null, LATER);

		var decision = SyncMerge.decide(stored(pumps, local(List.of(), LocalState.NONE)), st, false);

		assertThat(decision.outcome()).isEqualTo(Outcome.APPLIED);
		assertThat(decision.write().effective()).isEqualTo(st);
	}

	@Test
	void keepsThePendingFieldLocalAndTakesServiceTitansOtherFields() {

		var local = node("Motors", 0, null, StCategories.CREATED);
		var st = node("Pumps", 3, null, LATER);

		var decision = SyncMerge.decide(stored(local, local(List.of("name"), LocalState.NONE)), st, false);

		assertThat(decision.outcome()).isEqualTo(Outcome.KEPT);
		assertThat(decision.write().effective()).extracting(CategoryNode::name, CategoryNode::position)
			.containsExactly("Motors", 3);
		assertThat(decision.write().st()).isEqualTo(st);
	}

	@Test
	void findsBothModifiedWhenServiceTitanChangedAPendingFieldSinceTheBase() {

		var local = node("Motors", 0, null, StCategories.CREATED);

		assertThat(SyncMerge.decide(stored(local, local(List.of("name"), LocalState.NONE)),
				node("Engines", 0, null, LATER), false).outcome()).isEqualTo(Outcome.BOTH_MODIFIED);
		assertThat(SyncMerge.decide(stored(local, local(List.of("name"), LocalState.NONE)),
				node("Motors", 0, null, LATER), false).outcome()).isEqualTo(Outcome.SETTLED);
	}

	@Test
	void takesAChangedImageForOurOwnUploadOnlyWhileAPushIsInFlight() {

		var local = node("Pumps", 0, null, StCategories.CREATED);
		var st = node("Pumps", 0, "Images/new.jpg", LATER);
		var stored = stored(local, local(List.of("image"), LocalState.NONE));

		assertThat(SyncMerge.decide(stored, st, true).outcome()).isEqualTo(Outcome.SETTLED);
		assertThat(SyncMerge.decide(stored, st, false).outcome()).isEqualTo(Outcome.BOTH_MODIFIED);
	}

	@Test
	void findsALocalDeleteOfAnItemServiceTitanChanged() {

		var stored = stored(pumps, local(List.of(), LocalState.DELETED));

		assertThat(SyncMerge.decide(stored, node("Pumps", 0, null, StCategories.CREATED), false).outcome())
			.isEqualTo(Outcome.KEPT);
		assertThat(SyncMerge.decide(stored, node("Pool pumps", 0, null, LATER), false).outcome())
			.isEqualTo(Outcome.LOCAL_DELETED_ST_MODIFIED);
	}

	@Test
	void classifiesPushFailuresByWhatAutoFixCanDo() {

		assertThat(PushFailure.fix(CommandAction.UPDATE_CATEGORY, 400, "parentId: Category 5 does not exist"))
			.isEqualTo(PushFailure.REPARENT);
		assertThat(PushFailure.fix(CommandAction.UPDATE_CATEGORY, 404, PushResults.DELETED_IN_ST))
			.isEqualTo(PushFailure.RECREATE);
		assertThat(PushFailure.fix(CommandAction.UPDATE_CATEGORY, 400, "Image upload missing"))
			.isEqualTo(PushFailure.DROP_IMAGE);
		assertThat(PushFailure.fix(CommandAction.UPDATE_CATEGORY, 429, "Too many requests")).isEqualTo(PushFailure.RETRY);
		assertThat(PushFailure.fix(CommandAction.DELETE_CATEGORY, null, "Read timed out")).isEqualTo(PushFailure.RETRY);
		assertThat(PushFailure.fix(CommandAction.UPDATE_CATEGORY, 400, "Name is invalid")).isNull();
	}

	private static CategoryNode node(String name, int position, @Nullable String image, Instant modifiedOn) {

		var st = category(11, 1L, name, position, true, image);
		var node = CategoryTree.flatten(root(1, "Pool", 0, st)).get(1);
		return new CategoryNode(node.stId(), node.parentStId(), node.rootStId(), node.depth(), node.path(), node.name(),
				node.description(), node.imagePath(), node.position(), node.active(), node.businessUnitIds(),
				node.categoryType(), node.createdOn(), modifiedOn);
	}

	private StoredNode stored(CategoryNode node, LocalState local) {
		return new StoredNode(node, local);
	}

	private LocalState local(List<String> pending, String status) {
		return new LocalState(pumps.name(), pumps.imagePath(), pumps.position(), pumps.parentStId(), 1L,
				pending.contains("image") ? UUID.randomUUID() : null, true, status, pending, Instant.now(),
				StCategories.CREATED, 1, null, null, null, null, null);
	}
}
