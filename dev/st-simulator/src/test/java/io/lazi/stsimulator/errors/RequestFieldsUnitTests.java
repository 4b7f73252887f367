package io.lazi.stsimulator.errors;

import java.time.Instant;
import java.util.List;

import io.lazi.stsimulator.errors.RequestFields.Need;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestFieldsUnitTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void readsValidFieldsAndTheirNeeds() {

		var fields = RequestFields.of(json.readTree("""
				{"name": "A", "id": 5, "when": "2026-01-31T09:00:00+01:00", "type": "commercial", "gone": null,
				 "ids": [1, 2], "address": {"city": "Mesa"}}"""));

		assertThat(fields.text("name", Need.REQUIRED)).isEqualTo("A");
		assertThat(fields.int64("id", Need.REQUIRED)).isEqualTo(5L);
		assertThat(fields.dateTime("when", Need.OPTIONAL)).isEqualTo(Instant.parse("2026-01-31T08:00:00Z"));
		assertThat(fields.oneOf("type", Need.NULLABLE, List.of("Residential", "Commercial"))).isEqualTo("Commercial");
		assertThat(fields.string("gone", Need.NULLABLE)).isNull();
		assertThat(fields.int64s("ids", Need.OPTIONAL)).containsExactly(1L, 2L);
		assertThat(fields.object("address", Need.REQUIRED).string("city", Need.REQUIRED)).isEqualTo("Mesa");
		assertThat(fields.hasErrors()).isFalse();
	}

	@Test
	void reportsEveryViolationByFieldPathInOne400() {

		var fields = RequestFields.of(json.readTree("""
				{"name": " ", "id": 1.5, "gone": null, "items": [{"n": 1}, {"n": "x"}], "type": "Other"}"""));
		fields.text("name", Need.REQUIRED);
		fields.int64("id", Need.REQUIRED);
		fields.string("gone", Need.OPTIONAL);
		fields.string("missing", Need.REQUIRED);
		fields.objects("items", Need.REQUIRED).forEach(item -> item.int64("n", Need.REQUIRED));
		fields.oneOf("type", Need.OPTIONAL, List.of("Residential"));

		assertThatThrownBy(fields::throwIfAny).isInstanceOfSatisfying(ApiException.class, ex -> {
			assertThat(ex.status()).isEqualTo(400);
			assertThat(ex.toResponse().errors()).containsOnlyKeys("name", "id", "gone", "missing", "items[1].n", "type");
		});
		assertThatThrownBy(() -> RequestFields.of(json.readTree("[1]"))).isInstanceOf(ApiException.class);
	}
}
