package io.lazi.stsimulator.pricebook.seed;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.lazi.stsimulator.pricebook.Category;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceTenantUnitTests {

	private final List<Category> categories = ReferenceTenant.generate();

	private final Map<Long, Category> byId = categories.stream()
		.collect(Collectors.toMap(Category::id, Function.identity()));

	@Test
	void generatesExactlyTheSubcategoryCountsByDepthOfTheRealTenant() {

		var countsByDepth = categories.stream()
			.filter(category -> !category.isRoot())
			.collect(Collectors.groupingBy(this::depth, Collectors.counting()));

		assertThat(countsByDepth).containsExactly(Map.entry(1, 209L), Map.entry(2, 650L), Map.entry(3, 681L),
				Map.entry(4, 264L), Map.entry(5, 123L), Map.entry(6, 49L), Map.entry(7, 39L), Map.entry(8, 8L));
		assertThat(categories.stream().filter(category -> !category.isRoot())).hasSize(2023);
	}

	@Test
	void generatesBetweenTwentyAndThirtyRootsWithAtLeastOneChildEach() {

		var roots = categories.stream().filter(Category::isRoot).toList();

		assertThat(roots).hasSizeBetween(20, 30);
		assertThat(roots).allSatisfy(root -> assertThat(categories).anyMatch(child -> Objects.equals(child.parentId(), root.id())));
	}

	@Test
	void generatesEqualDataOnEveryRun() {
		assertThat(ReferenceTenant.generate()).isEqualTo(categories);
	}

	@Test
	void givesSiblingsUniqueNamesAndPositionsOneToN() {

		var siblings = categories.stream()
			.collect(Collectors.groupingBy(category -> Objects.requireNonNullElse(category.parentId(), 0L)));

		assertThat(siblings.values()).allSatisfy(group -> {
			assertThat(group).extracting(Category::name).doesNotHaveDuplicates();
			assertThat(group).extracting(Category::position).containsExactlyInAnyOrderElementsOf(
					IntStream.rangeClosed(1, group.size()).boxed().toList());
		});
	}

	@Test
	void sharesModificationInstantsBetweenManyCategories() {

		var largestTie = categories.stream()
			.collect(Collectors.groupingBy(Category::modifiedOn, Collectors.counting()))
			.values().stream().max(Comparator.naturalOrder()).orElseThrow();

		assertThat(largestTie).isGreaterThanOrEqualTo(20);
	}

	@Test
	void spreadsModificationsOverAboutNineMonthsWithCreationBefore() {

		var first = categories.stream().map(Category::modifiedOn).min(Comparator.naturalOrder()).orElseThrow();
		var last = categories.stream().map(Category::modifiedOn).max(Comparator.naturalOrder()).orElseThrow();

		assertThat(Duration.between(first, last)).isBetween(Duration.ofDays(240), Duration.ofDays(275));
		assertThat(first).isAfterOrEqualTo(Instant.parse("2025-01-06T14:00:00Z"));
		assertThat(categories).allSatisfy(category -> assertThat(category.createdOn()).isBefore(category.modifiedOn()));
	}

	@Test
	void givesMostCategoriesAnImagePathWithAnImageExtension() {

		var withImage = categories.stream().filter(category -> category.image() != null).toList();

		assertThat(withImage.size()).isBetween(categories.size() * 80 / 100, categories.size() * 90 / 100);
		assertThat(withImage).allSatisfy(category -> assertThat(category.image())
			.matches("Images/Category/[0-9a-f-]{36}-[a-z0-9-]+\\.(png|jpg)"));
		assertThat(withImage).anyMatch(category -> category.image().endsWith(".jpg"));
	}

	@Test
	void inheritsTheRootsCategoryTypeAndKeepsEveryCategoryActive() {

		assertThat(categories).allMatch(Category::active);
		assertThat(categories).allSatisfy(category -> assertThat(category.categoryType())
			.isEqualTo(rootOf(category).categoryType()));
		assertThat(categories).extracting(Category::categoryType).map(Enum::name).contains("SERVICES", "MATERIALS");
		assertThat(categories).flatExtracting(Category::businessUnitIds).allMatch(id -> id >= 5001 && id <= 5006);
	}

	@Test
	void differsFromTheIsolationTenantInIdsAndNames() {

		var isolation = IsolationTenant.generate();

		assertThat(isolation).extracting(Category::id).doesNotContainAnyElementsOf(byId.keySet());
		assertThat(isolation).extracting(Category::name)
			.doesNotContainAnyElementsOf(categories.stream().map(Category::name).toList());
		assertThat(isolation.stream().filter(Category::isRoot)).hasSize(3);
	}

	private int depth(Category category) {

		var depth = 0;
		var current = category;
		while (current.parentId() != null) {
			current = byId.get(current.parentId());
			depth++;
		}
		return depth;
	}

	private Category rootOf(Category category) {

		var current = category;
		while (current.parentId() != null) {
			current = byId.get(current.parentId());
		}
		return current;
	}
}
