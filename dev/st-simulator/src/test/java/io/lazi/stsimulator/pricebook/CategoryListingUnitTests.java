package io.lazi.stsimulator.pricebook;

import java.time.Instant;

import io.lazi.stsimulator.listing.ActiveFilter;
import io.lazi.stsimulator.listing.ListFilter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CategoryListingUnitTests {

	private final TenantCategories categories = Categories.sample();

	@Test
	void listsOnlyRootsWithTheirActiveSubtreesByDefault() {

		var result = CategoryListing.list(categories, query(ActiveFilter.TRUE, null, CategorySort.DEFAULT));

		assertThat(result.data()).extracting(tree -> tree.category().id()).containsExactly(1L, 2L);
		var plumbing = result.data().getFirst();
		assertThat(plumbing.children()).extracting(tree -> tree.category().id()).containsExactly(11L);
		assertThat(plumbing.children().getFirst().children()).extracting(tree -> tree.category().id()).containsExactly(111L);
	}

	@Test
	void keepsInactiveNodesWhenAskedForAny() {

		var result = CategoryListing.list(categories, query(ActiveFilter.ANY, null, CategorySort.DEFAULT));

		assertThat(result.data().getFirst().children()).extracting(tree -> tree.category().id()).containsExactly(11L, 12L);
	}

	@Test
	void includesARootWithItsWholeSubtreeWhenOnlyADescendantMatchesTheDateFilter() {

		var result = CategoryListing.list(categories,
				query(ActiveFilter.TRUE, Categories.BASE.plusSeconds(60), CategorySort.DEFAULT));

		assertThat(result.data()).extracting(tree -> tree.category().id()).containsExactly(1L);
		assertThat(result.data().getFirst().children()).hasSize(1);
	}

	@Test
	void ignoresMatchesInPrunedInactiveSubtrees() {

		var edited = categories.with(Categories.category(121, 12L, "Old Stock", 1, true, Categories.BASE.plusSeconds(999_999)));

		var result = CategoryListing.list(edited, query(ActiveFilter.TRUE, Categories.BASE.plusSeconds(500_000),
				CategorySort.DEFAULT));

		assertThat(result.data()).isEmpty();
	}

	@Test
	void sortsRootsByNameDescendingAndPages() {

		var sort = CategorySort.parse("-Name").orElseThrow();
		var firstPage = CategoryListing.list(categories, new CategoryListQuery(
				new ListFilter(1, 1, true, ActiveFilter.TRUE, null, null, null, null), null, sort));
		var secondPage = CategoryListing.list(categories, new CategoryListQuery(
				new ListFilter(2, 1, false, ActiveFilter.TRUE, null, null, null, null), null, sort));

		assertThat(firstPage.data()).extracting(tree -> tree.category().name()).containsExactly("Plumbing");
		assertThat(firstPage.hasMore()).isTrue();
		assertThat(firstPage.totalCount()).isEqualTo(2);
		assertThat(secondPage.data()).extracting(tree -> tree.category().name()).containsExactly("Electrical");
		assertThat(secondPage.hasMore()).isFalse();
		assertThat(secondPage.totalCount()).isNull();
	}

	@Test
	void parsesSortArgumentsIncludingAnUnencodedPlus() {

		assertThat(CategorySort.parse(" Id")).contains(new CategorySort(false, true));
		assertThat(CategorySort.parse("-Id")).contains(new CategorySort(false, false));
		assertThat(CategorySort.parse("+name")).contains(new CategorySort(true, true));
		assertThat(CategorySort.parse("+ModifiedOn")).isEmpty();
	}

	@Test
	void removesASubtreeOnDelete() {

		var remaining = categories.withoutSubtree(1);

		assertThat(remaining.all()).extracting(Category::id).containsExactlyInAnyOrder(2L, 21L);
	}

	private static CategoryListQuery query(ActiveFilter active, @Nullable Instant modifiedOnOrAfter, CategorySort sort) {
		return new CategoryListQuery(new ListFilter(1, 50, true, active, modifiedOnOrAfter, null, null, null), null, sort);
	}
}
