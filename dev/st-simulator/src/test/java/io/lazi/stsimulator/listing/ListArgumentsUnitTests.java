package io.lazi.stsimulator.listing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.lazi.stsimulator.errors.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ListArgumentsUnitTests {

	private static final PageLimits LIMITS = new PageLimits() {

		@Override
		public int defaultPageSize() {
			return 50;
		}

		@Override
		public int maxPageSize() {
			return 5000;
		}
	};

	@Test
	void defaultsToTheFirstPageOfActiveRecords() {

		var filter = new ListArguments(null, null, null, null, null, null, null, null).validate(LIMITS);

		assertThat(filter).isEqualTo(new ListFilter(1, 50, false, ActiveFilter.TRUE, null, null, null, null));
	}

	@Test
	void reportsEveryInvalidArgumentInServiceTitansParameterOrder() {

		var own = new QueryErrors();
		own.parse("sort", "sideways", value -> Optional.empty());
		var arguments = new ListArguments(0, 5001, true, "maybe", "yesterday", null, null, "2025-01-01");

		var refused = catchThrowableOfType(ApiException.class, () -> arguments.validate(LIMITS, own));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(List.copyOf(refused.toResponse().errors().keySet())).containsExactly("page", "pageSize", "active",
				"sort", "modifiedOnOrAfter");
	}

	@Test
	void pagesWhatMatchedAndCountsItOnRequest() {

		var filter = new ListFilter(2, 2, true, ActiveFilter.ANY, null, null, null, null);

		var slice = filter.page(List.of("a", "b", "c", "d", "e"));

		assertThat(slice).isEqualTo(new Slice<>(List.of("c", "d"), true, 5));
		assertThat(filter.hasDateFilter()).isFalse();
		assertThat(new ListFilter(1, 1, false, ActiveFilter.TRUE, Instant.EPOCH, null, null, null).hasDateFilter()).isTrue();
	}
}
