package io.lazi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.lazi.platform.events.access.Role;

class PermissionUnitTests {

	@Test
	void grantsPricebookReadToEveryRole() {

		for (var role : Role.values()) {
			assertThat(Permission.grantedTo(List.of(role))).contains(Permission.PRICEBOOK_READ);
		}
	}

	@Test
	void grantsPricebookWriteOnlyToOwnersAndAdmins() {

		assertThat(List.of(Role.values()))
			.filteredOn(role -> Permission.grantedTo(List.of(role)).contains(Permission.PRICEBOOK_WRITE))
			.containsExactly(Role.OWNER, Role.ADMIN);
	}

	@Test
	void grantsCustomerWritesAndJobAssignmentDownToDispatchers() {

		assertThat(Permission.grantedTo(List.of(Role.DISPATCHER))).containsExactlyInAnyOrder(Permission.PRICEBOOK_READ,
				Permission.CUSTOMERS_WRITE, Permission.JOBS_ASSIGN);
		assertThat(Permission.grantedTo(List.of(Role.TECHNICIAN))).containsExactly(Permission.PRICEBOOK_READ);
	}

	@Test
	void grantsSettingsWritesOnlyToOwnersAndAdmins() {

		assertThat(List.of(Role.values()))
			.filteredOn(role -> Permission.grantedTo(List.of(role)).contains(Permission.SETTINGS_WRITE))
			.containsExactly(Role.OWNER, Role.ADMIN);
	}

	@Test
	void grantsNothingWithoutKnownRoles() {
		assertThat(Permission.grantedTo(List.of())).isEmpty();
	}
}
