package io.lazi.field.command.web;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.field.command.CommandView;
import io.lazi.field.command.FieldCommands;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.platform.web.Tenant;

/** The writes sent to ServiceTitan: what a 202 answer's {@code commandId} names. Another tenant's command is 404. */
@Tag(name = "Commands", description = "Writes sent to ServiceTitan and how they ended.")
@RestController
@RequestMapping("/api/v2/commands")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CommandsController {

	private static final Set<String> STATUSES = Set.of("PENDING", "SUCCEEDED", "NOT_FOUND", "FAILED");

	private final FieldCommands commands;

	@Operation(summary = "Read a command", description = "`status` is PENDING until ServiceTitan answered.")
	@GetMapping("/{id}")
	CommandView command(Tenant tenant, @PathVariable UUID id) {
		return commands.find(tenant.id(), id).orElseThrow(() -> new ResourceNotFoundException("Command", id));
	}

	@Operation(summary = "List commands, newest first", description = "Only those of `status` when given.")
	@GetMapping
	Page<CommandView> commands(Tenant tenant, @RequestParam(required = false) @Nullable String status, PageRequest page) {

		var wanted = status == null ? null : status.trim().toUpperCase(Locale.ROOT);
		if (wanted != null && !STATUSES.contains(wanted)) {
			throw new InvalidInputException("status", "must be PENDING, SUCCEEDED, NOT_FOUND or FAILED");
		}
		return Page.of(commands.list(tenant.id(), wanted, page), page, commands.count(tenant.id(), wanted));
	}
}
