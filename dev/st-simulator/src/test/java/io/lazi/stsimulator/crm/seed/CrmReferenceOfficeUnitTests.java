package io.lazi.stsimulator.crm.seed;

import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.lazi.stsimulator.crm.Booking;
import io.lazi.stsimulator.crm.JobReason;
import io.lazi.stsimulator.crm.Lead;
import io.lazi.stsimulator.crm.TenantCrm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CrmReferenceOfficeUnitTests {

	private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

	private final TenantCrm data = CrmReferenceTenant.generate(NOW);

	@Test
	void hasFourCancelReasonsOneInactiveAndFourHoldReasons() {

		assertThat(data.office().cancelReasons()).extracting(JobReason::name).containsExactly("Customer canceled",
				"Scheduled with another company", "Duplicate job", "Price too high");
		assertThat(data.office().cancelReasons()).filteredOn(reason -> !reason.active()).extracting(JobReason::id)
			.containsExactly(84_000_004L);
		assertThat(data.office().holdReasons()).hasSize(4).allMatch(JobReason::active);
	}

	@Test
	void hasTwentyLeadsTheConvertedOnesOfCustomersWithTheirJob() {

		var byStatus = data.office().leads().stream().collect(Collectors.groupingBy(Lead::status, Collectors.counting()));
		assertThat(data.office().leads()).hasSize(CrmReferenceOffice.LEADS);
		assertThat(byStatus).containsEntry("Open", 12L).containsEntry("Converted", 5L).containsEntry("Dismissed", 3L);
		assertThat(data.office().leads()).allSatisfy(lead -> {
			assertThat(lead.createdOn()).isBefore(NOW);
			assertThat(lead.modifiedOn()).isBeforeOrEqualTo(NOW);
			if (lead.status().equals("Converted")) {
				var customer = data.customer(lead.customerId()).orElseThrow();
				assertThat(data.location(lead.locationId()).orElseThrow().customerId()).isEqualTo(customer.id());
				assertThat(data.jobs()).anyMatch(job -> job.customerId() == customer.id()
						&& job.businessUnitId() == lead.businessUnitId());
			}
			else {
				assertThat(lead.customerId()).isNull();
				assertThat(lead.leadCustomerName()).isNotBlank();
			}
		});
	}

	@Test
	void hasTenBookingsTheConvertedOnesNamingTheirCustomersJob() {

		assertThat(data.office().bookings()).hasSize(CrmReferenceOffice.BOOKINGS);
		assertThat(data.office().bookings()).extracting(Booking::status).containsExactly("New", "New", "New", "New", "New",
				"New", "Converted", "Converted", "Converted", "Dismissed");
		assertThat(data.office().bookings()).filteredOn(booking -> booking.status().equals("Converted"))
			.allSatisfy(booking -> {
				var job = data.job(booking.jobId()).orElseThrow();
				assertThat(data.customer(job.customerId()).orElseThrow().name()).isEqualTo(booking.name());
			});
		assertThat(data.office().bookings().stream().map(Booking::externalId).distinct()).hasSize(10);
	}

	@Test
	void givesOfficeRecordsIdsAboveTheCrmRecordsAndNoHistoryYet() {

		var crmMax = Stream.of(data.customers(), data.contacts(), data.locations(), data.jobs(), data.appointments(),
				data.estimates()).flatMap(records -> records.stream().map(record -> record.id())).max(Long::compare).orElseThrow();
		assertThat(data.maxId()).isEqualTo(86_000_010L).isGreaterThan(crmMax);
		assertThat(data.office().jobHistory()).isEmpty();
		assertThat(data.historyOf(data.job(80_000_017L).orElseThrow())).singleElement()
			.satisfies(entry -> assertThat(entry.eventType()).isEqualTo("Job Booked"));
	}
}
