package io.lazi.stsimulator.pricebook;

import java.time.Instant;

import io.lazi.stsimulator.errors.ApiException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CategoryWritesUnitTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private final TenantCategories sample = Categories.sample();

	@Test
	void createsAfterTheLastSiblingWithDefaultsAndStampsBothTimes() {

		var created = CategoryWrites.create(sample, 900, changes("Boilers", false, 1L, null), NOW);

		assertThat(created.position()).isEqualTo(3);
		assertThat(created.active()).isTrue();
		assertThat(created.businessUnitIds()).isEmpty();
		assertThat(created.createdOn()).isEqualTo(NOW);
		assertThat(created.modifiedOn()).isEqualTo(NOW);
	}

	@Test
	void changesOnlyTheSuppliedFields() {

		var updated = CategoryWrites.update(sample, 11, changes("Heaters", false, null, null), NOW);
		var before = sample.find(11).orElseThrow();

		assertThat(updated.name()).isEqualTo("Heaters");
		assertThat(updated.parentId()).isEqualTo(1L);
		assertThat(updated).usingRecursiveComparison().ignoringFields("name", "modifiedOn").isEqualTo(before);
		assertThat(updated.modifiedOn()).isEqualTo(NOW);
	}

	@Test
	void movesUnderANewParentAfterItsLastChildAndToTheRootsWithANullParent() {

		var moved = CategoryWrites.update(sample, 11, changes(null, true, 2L, null), NOW);
		var promoted = CategoryWrites.update(sample, 11, changes(null, true, null, null), NOW);

		assertThat(moved.parentId()).isEqualTo(2L);
		assertThat(moved.position()).isEqualTo(2);
		assertThat(sample.with(moved).children(11).stream().map(Category::id)).containsExactly(111L);
		assertThat(promoted.isRoot()).isTrue();
		assertThat(promoted.position()).isEqualTo(3);
	}

	@Test
	void refusesAParentInsideTheMovedSubtreeOrUnknownNamingParentId() {

		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> CategoryWrites.update(sample, 1, changes(null, true, 111L, null), NOW))
			.satisfies(ex -> assertThat(ex.toResponse().errors()).containsKey("parentId"));
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> CategoryWrites.update(sample, 1, changes(null, true, 1L, null), NOW));
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> CategoryWrites.create(sample, 900, changes("X", true, 5L, null), NOW))
			.satisfies(ex -> assertThat(ex.toResponse().errors()).containsKey("parentId"));
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> CategoryWrites.update(sample, 5, changes("X", false, null, null), NOW))
			.satisfies(ex -> assertThat(ex.status()).isEqualTo(404));
	}

	@Test
	void clearsTheImageWithAnEmptyString() {
		assertThat(CategoryWrites.update(sample, 11, changes(null, false, null, ""), NOW).image()).isNull();
	}

	private static CategoryChanges changes(@Nullable String name, boolean parentSupplied, @Nullable Long parentId,
			@Nullable String image) {
		return new CategoryChanges(name, null, null, parentSupplied, parentId, null, image,
				name == null ? null : CategoryType.SERVICES, null, null, null);
	}
}
