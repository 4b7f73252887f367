package io.lazi.faultharness;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;


/**
 * The harness's own reading of the pipeline rules, and its check that stage moves form one chain.
 */
class CrmOracleUnitTests {

	private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

	@Test
	void putsEachCustomerWhereTheRulesSay() throws Exception {

		var oracle = new CrmOracle(Http.JSON.readTree("""
				{"businessUnits": [{"id": 1, "name": "Pool - Sales"}, {"id": 2, "name": "Electrical - Install"},
				  {"id": 3, "name": "Pool - Warranty"}, {"id": 4, "name": "Pool - Service"}],
				 "customers": [{"id": 10, "name": "Old"}, {"id": 11, "name": "Booked"}, {"id": 12, "name": "Lost"},
				  {"id": 13, "name": "Sold then open"}, {"id": 14, "name": "Installed"}, {"id": 15, "name": "Warranty"},
				  {"id": 16, "name": "Canceled"}],
				 "contacts": [{"id": 1, "customerId": 11, "type": "Phone", "value": "1"},
				  {"id": 2, "customerId": 11, "type": "MobilePhone", "value": "2"},
				  {"id": 3, "customerId": 11, "type": "Email", "value": "a@b"}],
				 "jobs": [%s, %s, %s, %s, %s, %s, %s, %s],
				 "appointments": [{"id": 1, "jobId": 101, "customerId": 11, "status": "Scheduled"},
				  {"id": 2, "jobId": 106, "customerId": 16, "status": "Canceled"}],
				 "estimates": [{"id": 1, "jobId": 102, "customerId": 12, "name": "A", "status": 2, "value": 100.5},
				  {"id": 2, "jobId": 102, "customerId": 12, "name": "B", "status": 0, "value": 0},
				  {"id": 3, "jobId": 103, "customerId": 13, "name": "Sold ", "status": 1, "value": 1080},
				  {"id": 4, "jobId": 103, "customerId": 13, "name": "Later", "status": 0, "value": 50}]}
				""".formatted(job(100, 10, 1, "Completed", 20), job(101, 11, 4, "Scheduled", 2),
				job(102, 12, 1, "Scheduled", 3), job(103, 13, 1, "Scheduled", 5), job(104, 14, 2, "Working", 40),
				job(105, 14, 2, "Hold", 30), job(107, 15, 3, "Scheduled", 1), job(106, 16, 4, "Scheduled", 1))));

		assertThat(oracle.expected(10, NOW)).as("only an old job").isEmpty();
		assertThat(oracle.expected(15, NOW)).as("a job of an unmapped unit").isEmpty();
		assertThat(oracle.expected(11, NOW)).hasValue(new CrmOracle.Expected("SALES", "APPOINTMENT_SCHEDULED", "open", null, "Booked"));
		assertThat(oracle.expected(16, NOW).orElseThrow().stage()).as("a canceled appointment").isEqualTo("CONTACTED");
		assertThat(oracle.expected(12, NOW)).hasValue(
				new CrmOracle.Expected("SALES", "ESTIMATE_LOST", "lost", new BigDecimal("100.5"), "A - $100.50"));
		assertThat(oracle.expected(13, NOW).orElseThrow()).satisfies(e -> {
			assertThat(e.stage()).isEqualTo("JOB_SOLD");
			assertThat(e.title()).isEqualTo("Sold - $1080.00");
		});
		assertThat(oracle.expected(14, NOW).orElseThrow().stage()).as("the newest Install job's status").isEqualTo("ON_HOLD");
		assertThat(oracle.contact(11)).isEqualTo(new CrmOracle.Contact("Booked", "a@b", "2"));
	}

	@Test
	void findsAMoveMadeTwiceAndABrokenChain() {

		var twice = new ArrayList<String>();
		var broken = new ArrayList<String>();
		var created = new CrmWorkload.Move(null, "Contacted", "1");
		var booked = new CrmWorkload.Move("Contacted", "Appointment Scheduled", "2");
		var proposed = new CrmWorkload.Move("Appointment Scheduled", "Proposal Sent", "3");

		CrmWorkload.chain("ok", List.of(created, booked, proposed), List.of("PROPOSAL_SENT", "Proposal Sent"), twice, broken);
		assertThat(twice).isEmpty();
		assertThat(broken).isEmpty();

		CrmWorkload.chain("twice", List.of(created, booked, booked, proposed), List.of("Proposal Sent"), twice, broken);
		CrmWorkload.chain("gap", List.of(created, proposed), List.of("Proposal Sent"), twice, broken);
		CrmWorkload.chain("stale", List.of(created, booked), List.of("Proposal Sent"), twice, broken);
		assertThat(twice).singleElement().asString().startsWith("twice");
		assertThat(broken).hasSize(2).anyMatch(b -> b.startsWith("gap")).anyMatch(b -> b.startsWith("stale"));
	}

	private static String job(long id, long customer, long unit, String status, int daysAgo) {
		return """
				{"id": %d, "customerId": %d, "businessUnitId": %d, "jobStatus": "%s", "createdOn": "%s"}"""
			.formatted(id, customer, unit, status, NOW.minus(Duration.ofDays(daysAgo)));
	}

}
