package io.lazi.stingest.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lazi.platform.events.FieldAction;
import io.lazi.platform.events.FieldCommand;
import io.lazi.platform.events.FieldWrite;
import io.lazi.platform.events.StAddress;
import tools.jackson.databind.json.JsonMapper;

class FieldCommandsUnitTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void refusesWhatCanNeverBeExecuted() {

		var reasonless = new FieldWrite(null, null, null, null, null, null, null, null, null, null, "memo", null, null);
		var appointmentless = new FieldWrite(null, null, null, null, null, null, null, null, List.of(6001L), null, null,
				null, null);
		var nobody = new FieldWrite(null, null, null, null, null, null, null, 82000001L, List.of(), null, null, null, null);

		for (var malformed : List.of(command(FieldAction.CANCEL_JOB, 5, reasonless),
				command(FieldAction.HOLD_JOB, 5, reasonless), command(FieldAction.ASSIGN_TECHNICIANS, 5, appointmentless),
				command(FieldAction.UNASSIGN_TECHNICIANS, 5, nobody), command(FieldAction.CONFIRM_APPOINTMENT, 0, FieldWrite.none()),
				command(FieldAction.UPDATE_JOB, 5, FieldWrite.none()), command(FieldAction.UPDATE_CUSTOMER, 5, FieldWrite.none()),
				command(FieldAction.RESCHEDULE_APPOINTMENT, 5, FieldWrite.none()),
				command(FieldAction.CREATE_CUSTOMER, -1, FieldWrite.none()))) {
			assertThatIllegalArgumentException().as(malformed.action().name())
				.isThrownBy(() -> FieldCommands.validate(malformed));
		}
	}

	@Test
	void acceptsACreateWithAProvisionalIdAndActionsThatNeedNoValues() {

		var create = new FieldWrite("Dana", null, new StAddress("1 Oak St", null, "Mesa", "AZ", "85001", "USA"), null, null,
				null, null, null, null, null, null, null, null);

		assertThatNoException().isThrownBy(() -> FieldCommands.validate(command(FieldAction.CREATE_CUSTOMER, -3, create)));
		assertThatNoException()
			.isThrownBy(() -> FieldCommands.validate(command(FieldAction.DISMISS_ESTIMATE, 9, FieldWrite.none())));
		assertThatNoException()
			.isThrownBy(() -> FieldCommands.validate(command(FieldAction.COMPLETE_JOB, 9, FieldWrite.none())));
	}

	@Test
	@SuppressWarnings("unchecked")
	void completesAnUpdatedAddressFromTheCustomerAndKeepsCoordinatesOnlyWhileItStays() {

		var current = JSON.readTree("""
				{"id":1,"name":"Avery","address":{"street":"1 Oak St","unit":null,"city":"Mesa","state":"AZ","zip":"85001",
				 "country":"USA","latitude":33.41,"longitude":-111.83}}""");
		var unit = new FieldWrite(null, null, new StAddress(null, "Apt 5", null, null, null, null), null, null, null, null,
				null, null, null, null, null, null);
		var moved = new FieldWrite(null, null, new StAddress("9 Elm St", null, null, null, null, null), null, null, null,
				null, null, null, null, null, null, null);

		assertThat(FieldBodies.customerUpdate(unit, current)).containsOnlyKeys("address");
		assertThat((Map<String, Object>) FieldBodies.customerUpdate(unit, current).get("address")).containsEntry("street", "1 Oak St")
			.containsEntry("unit", "Apt 5")
			.containsKeys("latitude", "longitude");
		assertThat((Map<String, Object>) FieldBodies.customerUpdate(moved, current).get("address")).containsEntry("street", "9 Elm St")
			.containsEntry("unit", "")
			.doesNotContainKeys("latitude", "longitude");
	}

	@Test
	void sendsTheEmailAndPhoneOfANewCustomerAsItsContactsAndNoContactsWithoutThem() {

		var home = new StAddress("1 Oak St", null, "Mesa", "AZ", "85001", "USA");
		var reachable = new FieldWrite("Dana", "Residential", home, null, null, null, null, null, null, null, null, null,
				null, "dana@example.com", "480-555-0142");
		var bare = new FieldWrite("Dana", "Residential", home, null, null, null, null, null, null, null, null, null, null);

		assertThat(FieldBodies.newCustomer(reachable)).containsEntry("contacts", List.of(
				Map.of("type", "Email", "value", "dana@example.com"), Map.of("type", "Phone", "value", "480-555-0142")));
		assertThat(FieldBodies.newCustomer(bare)).doesNotContainKey("contacts");
	}

	@Test
	void comparesWrittenFieldsByValueAndInstant() {

		var appointment = JSON.readTree("""
				{"start":"2026-11-23T15:00:00.0000000Z","end":"2026-11-23T17:00:00Z","isConfirmed":true,"businessUnitId":5001}""");

		assertThat(FieldReads.carries(appointment, Map.of("start", "2026-11-23T15:00:00Z", "isConfirmed", true,
				"businessUnitId", 5001L))).isTrue();
		assertThat(FieldReads.carries(appointment, Map.of("end", "2026-11-23T18:00:00Z"))).isFalse();
		assertThat(FieldReads.carries(appointment, Map.of("summary", "x"))).isFalse();
	}

	private static FieldCommand command(FieldAction action, long stId, FieldWrite write) {
		return new FieldCommand(UUID.randomUUID(), "1", action, stId, write, null, null, Instant.now());
	}
}
