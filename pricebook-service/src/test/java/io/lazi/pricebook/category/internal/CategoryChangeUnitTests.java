package io.lazi.pricebook.category.internal;

import static io.lazi.pricebook.category.StCategories.category;
import static io.lazi.pricebook.category.StCategories.root;
import static io.lazi.pricebook.category.StCategories.sub;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.lazi.platform.events.Events;
import io.lazi.pricebook.category.StCategories;
import io.lazi.pricebook.category.sync.internal.CategoryTree;

class CategoryChangeUnitTests {

	private final CategoryNode pumps = CategoryTree.flatten(root(1, "Pool", 0, sub(11, 1, "Pumps", 0))).get(1);

	@Test
	void announcesANewNodeAsCreatedWithEveryField() {

		var change = CategoryChange.between(null, pumps).orElseThrow();

		assertThat(change.type()).isEqualTo(Events.PRICEBOOK_CATEGORY_CREATED);
		assertThat(change.changes()).contains("name", "image", "position", "active", "parent", "path")
			.hasSize(CategoryChange.Field.values().length);
	}

	@Test
	void announcesNothingForAnEqualNode() {
		assertThat(CategoryChange.between(pumps, pumps)).isEmpty();
	}

	@Test
	void announcesARenameAsUpdateOfTheName() {

		var renamed = CategoryTree.flatten(root(1, "Pool", 0, StCategories.renamed(sub(11, 1, "Pumps", 0), "Pool pumps")))
			.get(1);

		var change = CategoryChange.between(pumps, renamed).orElseThrow();

		assertThat(change.type()).isEqualTo(Events.PRICEBOOK_CATEGORY_UPDATED);
		assertThat(change.changes()).containsExactly("name");
	}

	@Test
	void announcesANewParentAsMove() {

		var moved = CategoryTree.flatten(root(1, "Pool", 0, sub(12, 1, "Equipment", 0, sub(11, 12, "Pumps", 0))))
			.get(2);

		var change = CategoryChange.between(pumps, moved).orElseThrow();

		assertThat(change.type()).isEqualTo(Events.PRICEBOOK_CATEGORY_MOVED);
		assertThat(change.changes()).containsExactly("parent", "depth", "path");
	}

	@Test
	void announcesLosingActiveAsDeactivation() {

		var inactive = CategoryTree.flatten(root(1, "Pool", 0, category(11, 1L, "Pumps", 0, false, null))).get(1);

		var change = CategoryChange.between(pumps, inactive).orElseThrow();

		assertThat(change.type()).isEqualTo(Events.PRICEBOOK_CATEGORY_DEACTIVATED);
		assertThat(change.changes()).containsExactly("active");
	}

	@Test
	void storesButDoesNotAnnounceANewModificationTimeAlone() {

		var touched = new CategoryNode(pumps.stId(), pumps.parentStId(), pumps.rootStId(), pumps.depth(), pumps.path(),
				pumps.name(), pumps.description(), pumps.imagePath(), pumps.position(), pumps.active(),
				pumps.businessUnitIds(), pumps.categoryType(), pumps.createdOn(), Instant.parse("2025-01-01T00:00:00Z"));

		assertThat(touched).isNotEqualTo(pumps);
		assertThat(CategoryChange.between(pumps, touched)).isEmpty();
	}
}
