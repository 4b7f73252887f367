package io.lazi.stsimulator.crm;

import java.time.Instant;
import java.util.List;

import io.lazi.stsimulator.crm.seed.CrmReferenceTenant;
import io.lazi.stsimulator.errors.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class CrmWritesUnitTests {

	private static final Instant SEEDED = Instant.parse("2026-11-21T12:00:00Z");

	private static final Instant NOW = SEEDED.plusSeconds(3600);

	private final TenantCrm data = CrmReferenceTenant.generate(SEEDED);

	@Test
	void cancelsAJobAndItsOpenAppointmentLoggingTheReason() {

		var written = CrmWrites.cancelJob(data, 80_000_017L, 84_000_003L, "Booked twice", NOW);

		assertThat(written.record().jobStatus()).isEqualTo("Canceled");
		assertThat(written.record().modifiedOn()).isEqualTo(NOW);
		assertThat(written.snapshot().appointment(82_000_017L).orElseThrow().status()).isEqualTo("Canceled");
		assertThat(written.snapshot().historyOf(written.record())).extracting(JobHistoryEntry::eventType, JobHistoryEntry::memo)
			.containsExactly(tuple("Job Booked", ""), tuple("Job Canceled", "Duplicate job: Booked twice"));
		assertThat(written.snapshot().customers()).isEqualTo(data.customers());
		assertThat(data.job(80_000_017L).orElseThrow().jobStatus()).as("snapshots are immutable").isEqualTo("Scheduled");
	}

	@Test
	void completesOnTheGivenDateAndRefusesAClosedJob() {

		var completedOn = Instant.parse("2026-11-20T17:00:00Z");
		var written = CrmWrites.completeJob(data, 80_000_018L, completedOn, NOW);

		assertThat(written.record().completedOn()).isEqualTo(completedOn);
		assertThat(written.snapshot().appointment(82_000_018L).orElseThrow().status()).isEqualTo("Done");
		assertThatThrownBy(() -> CrmWrites.completeJob(written.snapshot(), 80_000_018L, completedOn, NOW))
			.isInstanceOfSatisfying(ApiException.class, ex -> assertThat(ex.status()).isEqualTo(409));
		assertThatThrownBy(() -> CrmWrites.cancelJob(written.snapshot(), 80_000_018L, 84_000_001L, "", NOW))
			.isInstanceOfSatisfying(ApiException.class, ex -> assertThat(ex.status()).isEqualTo(400));
		assertThatThrownBy(() -> CrmWrites.holdJob(data, 1L, 84_000_101L, "", NOW))
			.isInstanceOfSatisfying(ApiException.class, ex -> assertThat(ex.status()).isEqualTo(404));
	}

	@Test
	void createsACustomerItsLocationsAndContactsUnderFreshIds() {

		var address = new Customer.Address("1 Main St", "Mesa", "AZ", "85201", "USA");
		var request = new NewCustomer("Ada Byron", "Commercial", address,
				List.of(new NewCustomer.NewLocation("Shop", address, List.of(new NewCustomer.NewContact("Fax", "4805550100",
						null)), List.of(), List.of(), List.of())),
				List.of(new NewCustomer.NewContact("Email", "ada@example.com", "billing")), List.of(), List.of(7L),
				List.of(), false, false, false, false, null, null, null);

		var written = CrmWrites.createCustomer(data, request, NOW);
		var again = CrmWrites.createCustomer(written.snapshot(), request, NOW);

		var created = written.record();
		assertThat(created.customer().id()).isEqualTo(data.maxId() + 1);
		assertThat(again.record().customer().id()).isGreaterThan(created.locations().getFirst().contacts().getFirst().id());
		assertThat(written.snapshot().locationsOf(created.customer().id())).singleElement()
			.satisfies(location -> assertThat(location.name()).isEqualTo("Shop"));
		assertThat(written.snapshot().contactsOf(created.customer().id())).singleElement()
			.satisfies(contact -> assertThat(contact.phoneSettings().doNotText()).isTrue());
		assertThat(written.snapshot().customers()).hasSize(451);
	}

	@Test
	void reschedulesKeepingWhatIsNotSuppliedAndConfirmsOnce() {

		var start = Instant.parse("2026-12-01T15:00:00Z");
		var moved = CrmWrites.reschedule(data, 82_000_017L, start, start.plusSeconds(5400), false, null, null, NOW);
		var confirmed = CrmWrites.confirm(moved.snapshot(), 82_000_017L, NOW.plusSeconds(60));
		var again = CrmWrites.confirm(confirmed.snapshot(), 82_000_017L, NOW.plusSeconds(120));

		assertThat(moved.record().isConfirmed()).isFalse();
		assertThat(moved.record().appointmentNumber()).isEqualTo(data.appointment(82_000_017L).orElseThrow().appointmentNumber());
		assertThat(confirmed.record().isConfirmed()).isTrue();
		assertThat(again.record().modifiedOn()).as("confirmed already: unchanged").isEqualTo(NOW.plusSeconds(60));
		assertThatThrownBy(() -> CrmWrites.reschedule(data, 82_000_017L, start, start, false, null, null, NOW))
			.isInstanceOfSatisfying(ApiException.class, ex -> assertThat(ex.status()).isEqualTo(400));
	}

	@Test
	void sellsOpenEstimatesOnlyAndDismissesOpenOnes() {

		var sold = CrmWrites.sell(data, 83_000_017L, 0L, NOW);

		assertThat(sold.record().status()).isEqualTo(Estimate.SOLD);
		assertThat(sold.record().soldOn()).isEqualTo(NOW);
		assertThatThrownBy(() -> CrmWrites.sell(sold.snapshot(), 83_000_017L, 0L, NOW)).isInstanceOf(ApiException.class);
		assertThatThrownBy(() -> CrmWrites.dismiss(sold.snapshot(), 83_000_017L, NOW)).isInstanceOf(ApiException.class);
		assertThat(CrmWrites.dismiss(data, 83_000_018L, NOW).record().status()).isEqualTo(Estimate.DISMISSED);
	}
}
