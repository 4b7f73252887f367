package io.lazi.stsimulator.pricebook;

import java.util.ArrayList;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CategoryExportUnitTests {

	private final TenantCategories categories = Categories.sample();

	@Test
	void deliversEveryCategoryOnceInModificationOrderAcrossBatches() {

		var delivered = new ArrayList<Category>();
		var cursor = ExportCursor.BEGINNING;
		CategoryExport.Batch batch;
		do {
			batch = CategoryExport.batch(categories, cursor, 3);
			delivered.addAll(batch.data());
			cursor = ExportCursor.parse(batch.continueFrom().token()).orElseThrow();
		}
		while (batch.hasMore());

		assertThat(delivered).extracting(Category::id).containsExactly(1L, 2L, 11L, 12L, 21L, 121L, 111L);
		assertThat(CategoryExport.batch(categories, cursor, 3).data()).isEmpty();
	}

	@Test
	void continuesWithAnEditMadeAfterTheFeedWasCaughtUp() {

		var caughtUp = CategoryExport.batch(categories, ExportCursor.BEGINNING, 100).continueFrom();
		var edited = categories.with(categories.find(21).orElseThrow()
			.edited(new CategoryEdit("Breaker Panels", null, false, null), Categories.BASE.plusSeconds(200_000)));

		var next = CategoryExport.batch(edited, caughtUp, 100);

		assertThat(next.data()).extracting(Category::name).containsExactly("Breaker Panels");
		assertThat(next.hasMore()).isFalse();
	}

	@Test
	void startsAtADateOrDateTimeAndRejectsGarbage() {

		var fromDate = ExportCursor.parse("2025-05-02").orElseThrow();
		var fromDateTime = ExportCursor.parse("2025-05-01T00:00:00Z").orElseThrow();

		assertThat(CategoryExport.batch(categories, fromDate, 100).data()).extracting(Category::id).containsExactly(111L);
		assertThat(CategoryExport.batch(categories, fromDateTime, 100).data()).hasSize(7);
		assertThat(ExportCursor.parse("yesterday")).isEmpty();
		assertThat(ExportCursor.parse("sim1.!!!")).isEmpty();
	}
}
