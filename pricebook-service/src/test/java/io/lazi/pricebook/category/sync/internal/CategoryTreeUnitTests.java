package io.lazi.pricebook.category.sync.internal;

import static io.lazi.pricebook.category.StCategories.category;
import static io.lazi.pricebook.category.StCategories.root;
import static io.lazi.pricebook.category.StCategories.sub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lazi.platform.events.StCategory;
import io.lazi.pricebook.category.internal.CategoryNode;

class CategoryTreeUnitTests {

	@Test
	void flattensADeepTreeWithParentRootDepthAndPath() {

		var tree = root(1, "Pool", 0, sub(11, 1, "Pumps", 0, deepChain(11, 7)));

		var nodes = CategoryTree.flatten(tree);

		assertThat(nodes).hasSize(9);
		assertThat(nodes).extracting(CategoryNode::stId, CategoryNode::parentStId, CategoryNode::rootStId,
				CategoryNode::depth)
			.startsWith(tuple(1L, null, 1L, 0), tuple(11L, 1L, 1L, 1), tuple(12L, 11L, 1L, 2));
		var deepest = nodes.getLast();
		assertThat(deepest.stId()).isEqualTo(18L);
		assertThat(deepest.depth()).isEqualTo(8);
		assertThat(deepest.path()).isEqualTo("1.11.12.13.14.15.16.17.18");
		assertThat(deepest.rootStId()).isEqualTo(1L);
	}

	@Test
	void listsParentsBeforeChildrenAndSiblingsByPosition() {

		var tree = root(1, "Pool", 0, sub(13, 1, "Third", 2), sub(11, 1, "First", 0, sub(111, 11, "Nested", 0)),
				sub(12, 1, "Second", 1));

		var nodes = CategoryTree.flatten(tree);

		assertThat(nodes).extracting(CategoryNode::stId).containsExactly(1L, 11L, 12L, 13L, 111L);
		assertThat(nodes).extracting(CategoryNode::position).containsExactly(0, 0, 1, 2, 0);
		assertThat(nodes.get(4).path()).isEqualTo("1.11.111");
	}

	@Test
	void keepsInactiveNodesAndTheirValues() {

		var tree = root(1, "Pool", 0, category(11, 1L, "Retired", 4, false, "Images/Category/retired.jpg"));

		var retired = CategoryTree.flatten(tree).get(1);

		assertThat(retired.active()).isFalse();
		assertThat(retired.imagePath()).isEqualTo("Images/Category/retired.jpg");
		assertThat(retired.position()).isEqualTo(4);
		assertThat(retired.name()).isEqualTo("Retired");
		assertThat(retired.description()).isEqualTo("About Retired");
		assertThat(retired.categoryType()).isEqualTo("Services");
	}

	@Test
	void normalisesBusinessUnitsAndTimestamps() {

		var node = CategoryTree.flatten(root(1, "Pool", 0)).getFirst();

		assertThat(node.businessUnitIds()).containsExactly(7001L, 7002L);
		assertThat(node.createdOn()).isEqualTo(Instant.parse("2024-03-01T08:15:30.123456Z"));
	}

	@Test
	void usesTheNestingAsParentEvenWhenParentIdDisagrees() {

		var nodes = CategoryTree.flatten(root(1, "Pool", 0, sub(11, 99, "Pumps", 0)));

		assertThat(nodes.get(1).parentStId()).isEqualTo(1L);
	}

	@Test
	void rejectsARootThatHasAParent() {
		assertThatIllegalArgumentException().isThrownBy(() -> CategoryTree.flatten(sub(11, 1, "Pumps", 0)))
			.withMessageContaining("not a root");
	}

	@Test
	void rejectsATreeWithADuplicateId() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CategoryTree.flatten(root(1, "Pool", 0, sub(11, 1, "A", 0), sub(11, 1, "B", 1))))
			.withMessageContaining("occurs twice");
	}

	@Test
	void rejectsANodeWithoutName() {

		var nameless = new StCategory(11, null, true, null, null, 1L, 0, "Services", null, null, null, null, null, null,
				false, null, null);

		assertThatIllegalArgumentException().isThrownBy(() -> CategoryTree.flatten(root(1, "Pool", 0, nameless)))
			.withMessageContaining("11");
	}

	/** A chain of {@code levels} single children below {@code parentId}, ids counting up from it. */
	private static StCategory[] deepChain(long parentId, int levels) {

		StCategory child = null;
		for (long id = parentId + levels; id > parentId; id--) {
			child = child == null ? sub(id, id - 1, "Level " + id, 0) : sub(id, id - 1, "Level " + id, 0, child);
		}
		return List.of(child).toArray(StCategory[]::new);
	}
}
