package io.lazi.stingest.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lazi.platform.events.CategoryWrite;
import io.lazi.platform.events.CommandAction;
import io.lazi.platform.events.StCommand;

class CommandsUnitTests {

	@Test
	void writesOnlyTheFieldsAWriteSets() {

		var write = new CategoryWrite("Pumps", null, 4, "Images/old.png", null, false, "Services", null);

		assertThat(CategoryCommands.fields(write, "Images/new.png", false)).containsExactly(
				Map.entry("name", "Pumps"), Map.entry("position", 4),
				Map.entry("image", "Images/new.png"), Map.entry("active", false));
	}

	@Test
	void sendsTheCategoryTypeOnlyWhenCreating() {

		var write = new CategoryWrite("Pumps", 12L, null, null, null, null, "Materials", "Variable speed");

		assertThat(CategoryCommands.fields(write, null, true)).containsOnlyKeys("name", "categoryType", "parentId",
				"description");
	}

	@Test
	void rejectsAnUpdateWithoutWrite() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Commands.validate(command("1", CommandAction.UPDATE_CATEGORY, 5, null)))
			.withMessageContaining("requires write");
	}

	@Test
	void rejectsACommandWithoutTenant() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Commands.validate(command(" ", CommandAction.DELETE_CATEGORY, 5, null)))
			.withMessageContaining("tenantId");
	}

	@Test
	void acceptsACreateWithItsProvisionalNegativeId() {

		var create = command("1", CommandAction.CREATE_CATEGORY, -3,
				new CategoryWrite("New", null, null, null, null, null, "Services", null));

		Commands.validate(create);

		assertThatIllegalArgumentException()
			.isThrownBy(() -> Commands.validate(command("1", CommandAction.PULL_CATEGORY, -3, null)));
	}

	private static StCommand command(String tenant, CommandAction action, long stId, CategoryWrite write) {
		return new StCommand(UUID.randomUUID(), tenant, null, action, stId, write, Instant.now());
	}
}
