package io.lazi.stsimulator.gateway;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class WriteCallUnitTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void keysCategoriesByBareIdAndEverythingElseByResourceAndId() {

		assertThat(WriteCall.of("PATCH", "/pricebook/v2/tenant/1/categories/40000001").orElseThrow().itemBefore(null))
			.isEqualTo("40000001");
		assertThat(WriteCall.of("PUT", "/jpm/v2/tenant/1/jobs/80000017/cancel").orElseThrow().itemBefore(null))
			.isEqualTo("jobs/80000017");
		assertThat(WriteCall.of("PATCH", "/jpm/v2/tenant/1/appointments/82000017/reschedule").orElseThrow().itemBefore(null))
			.isEqualTo("appointments/82000017");
		assertThat(WriteCall.of("PUT", "/sales/v2/tenant/1/estimates/83000017/dismiss").orElseThrow().itemBefore(null))
			.isEqualTo("estimates/83000017");
		var assign = WriteCall.of("POST", "/dispatch/v2/tenant/1/appointment-assignments/assign-technicians").orElseThrow();
		assertThat(assign.itemBefore(json.readTree("{\"jobAppointmentId\": 82000017}"))).isEqualTo("appointments/82000017");
		assertThat(assign.itemBefore(json.readTree("{\"jobAppointmentId\": \"x\"}"))).isNull();
		var create = WriteCall.of("POST", "/crm/v2/tenant/1/customers").orElseThrow();
		assertThat(create.create()).isTrue();
		assertThat(create.itemAfter(null, json.readTree("{\"id\": 86000011}"))).isEqualTo("customers/86000011");
	}

	@Test
	void ignoresReadsAndCallsThatWriteNothingCounted() {

		assertThat(WriteCall.of("GET", "/jpm/v2/tenant/1/jobs/80000017")).isEmpty();
		assertThat(WriteCall.of("PUT", "/jpm/v2/tenant/1/jobs/80000017/remove-cancellation")).isEmpty();
		assertThat(WriteCall.of("POST", "/jpm/v2/tenant/1/jobs")).isEmpty();
		assertThat(WriteCall.of("DELETE", "/crm/v2/tenant/1/customers/5")).isEmpty();
	}
}
