package io.lazi.stsimulator.crm.seed;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.lazi.stsimulator.crm.Appointment;
import io.lazi.stsimulator.crm.BusinessUnit;
import io.lazi.stsimulator.crm.Contact;
import io.lazi.stsimulator.crm.Estimate;
import io.lazi.stsimulator.crm.Job;
import io.lazi.stsimulator.crm.Location;
import io.lazi.stsimulator.crm.TenantCrm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CrmReferenceTenantUnitTests {

	private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

	private static final Set<Long> INSTALL_UNITS = Set.of(CrmSeed.POOL_INSTALL, CrmSeed.ELECTRICAL_INSTALL);

	private final TenantCrm data = CrmReferenceTenant.generate(NOW);

	@Test // GH-5
	void hasTheSixBusinessUnitsAllActive() {

		assertThat(data.businessUnits()).extracting(BusinessUnit::id, BusinessUnit::name)
			.containsExactly(tuple(5001L, "Pool - Sales"),
					tuple(5002L, "Pool - Service"),
					tuple(5003L, "Pool - Install"),
					tuple(5004L, "Electrical - Sales"),
					tuple(5005L, "Electrical - Service"),
					tuple(5006L, "Electrical - Install"));
		assertThat(data.businessUnits()).allMatch(BusinessUnit::active);
	}

	@Test // GH-5
	void gives450ActiveCustomersAPhoneEachAndMostAnEmail() {

		assertThat(data.customers()).hasSize(450).allMatch(customer -> customer.active() && !customer.address().street().isBlank());
		var byCustomer = data.contacts().stream().collect(Collectors.groupingBy(Contact::customerId));
		assertThat(byCustomer).hasSize(450);
		assertThat(byCustomer.values()).allMatch(contacts -> contacts.stream().anyMatch(c -> c.type().equals("Phone")));
		assertThat(data.contacts().stream().filter(c -> c.type().equals("Email"))).hasSize(405);
	}

	@Test
	void givesEveryCustomerOneHomeLocationAtItsAddressWhereItsJobsAre() {

		assertThat(data.locations()).hasSize(450);
		for (var customer : data.customers()) {
			assertThat(data.locationsOf(customer.id())).singleElement().satisfies(location -> {
				assertThat(location.name()).isEqualTo("Home");
				assertThat(location.active()).isTrue();
				assertThat(location.address()).isEqualTo(customer.address());
			});
		}
		var locationIds = data.locations().stream().map(Location::id).collect(Collectors.toSet());
		assertThat(data.jobs()).allMatch(job -> locationIds.contains(job.locationId())
				&& data.locationsOf(job.customerId()).getFirst().id() == job.locationId());
	}

	@Test // GH-5
	void gives91CustomersExactlyOneRecentJobAndNoOtherCustomerAny() {

		var recent = recentJobs();
		assertThat(recent).hasSize(91);
		assertThat(recent.stream().map(Job::customerId).distinct()).hasSize(91);
		var recentCustomers = recent.stream().map(Job::customerId).collect(Collectors.toSet());
		assertThat(data.jobs()).filteredOn(job -> !recent.contains(job))
			.allSatisfy(job -> {
				assertThat(job.createdOn()).isBefore(NOW.minus(Duration.ofDays(30)));
				assertThat(recentCustomers).doesNotContain(job.customerId());
				assertThat(job.estimateIds()).isEmpty();
				assertThat(job.appointmentCount()).isZero();
			});
	}

	@Test // GH-5
	void splitsTheRecentJobsInto16Install38ProposalsAnd37Bare() {

		var recent = recentJobs();
		var appointmentsByJob = data.appointments().stream().collect(Collectors.groupingBy(Appointment::jobId));
		var estimatesByJob = data.estimates().stream().collect(Collectors.groupingBy(Estimate::jobId));

		var install = recent.stream().filter(job -> INSTALL_UNITS.contains(job.businessUnitId())).toList();
		assertThat(install).hasSize(16).allSatisfy(job -> {
			assertThat(job.jobStatus()).isEqualTo("Dispatched");
			assertThat(estimatesByJob).doesNotContainKey(job.id());
			assertThat(appointmentsByJob).doesNotContainKey(job.id());
		});
		var sales = recent.stream().filter(job -> !INSTALL_UNITS.contains(job.businessUnitId())).toList();
		var proposals = sales.stream().filter(job -> estimatesByJob.containsKey(job.id())).toList();
		assertThat(proposals).hasSize(38).allSatisfy(job -> {
			assertThat(estimatesByJob.get(job.id())).singleElement().satisfies(estimate -> {
				assertThat(estimate.status()).isEqualTo(new Estimate.Status(0, "Open"));
				assertThat(estimate.subtotal()).isGreaterThan(BigDecimal.ZERO);
				assertThat(estimate.customerId()).isEqualTo(job.customerId());
			});
			assertThat(appointmentsByJob.get(job.id())).hasSize(1);
			assertThat(job.estimateIds()).containsExactly(estimatesByJob.get(job.id()).getFirst().id());
		});
		assertThat(sales.stream().filter(job -> !estimatesByJob.containsKey(job.id())))
			.hasSize(37)
			.allSatisfy(job -> assertThat(appointmentsByJob).doesNotContainKey(job.id()));
		assertThat(data.estimates()).hasSize(38);
		assertThat(data.appointments()).hasSize(38);
	}

	@Test // GH-5
	void neverDatesARecordAfterTheSeedInstant() {
		assertThat(data.jobs()).allMatch(job -> !job.modifiedOn().isAfter(NOW));
		assertThat(data.estimates()).allMatch(estimate -> !estimate.modifiedOn().isAfter(NOW));
		assertThat(data.customers()).allMatch(customer -> !customer.modifiedOn().isAfter(NOW));
	}

	@Test // GH-5
	void generatesEqualDataForEqualInstantsAndShiftsWithTheInstant() {

		assertThat(CrmReferenceTenant.generate(NOW)).isEqualTo(data);
		var later = CrmReferenceTenant.generate(NOW.plus(Duration.ofDays(3)));
		Map<Long, Job> laterJobs = later.jobs().stream().collect(Collectors.toMap(Job::id, Function.identity()));
		assertThat(data.jobs()).allSatisfy(job -> assertThat(Duration.between(job.createdOn(), laterJobs.get(job.id()).createdOn()))
			.isEqualTo(Duration.ofDays(3)));
	}

	private List<Job> recentJobs() {
		return data.jobs().stream().filter(job -> job.createdOn().isAfter(NOW.minus(Duration.ofDays(14)))).toList();
	}
}
