package io.lazi.crm.task.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.crm.record.RecordType;
import io.lazi.crm.task.Timeline;
import io.lazi.crm.task.TimelineEntry;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.Tenant;

/**
 * A record's timeline under {@code /api/crm/{type}/{id}/timeline}. An unknown type answers 400 naming {@code type},
 * another tenant's or an unknown record 404.
 */
@Tag(name = "Timeline", description = "What happened around a CRM record, newest first.")
@RestController
@RequestMapping("/api/crm")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class TimelineController {

	private final Timeline timeline;

	@Operation(summary = "Read a record's timeline",
			description = "`type`: `leads`, `accounts`, `contacts`, `opportunities`, `projects` or `cases`. Entries `{kind, at, title, detail, refType, refId, actor}` newest first, paged; kind `activity`, `task` (at its completion, else its creation), `stage-move` or `servicetitan` (jobs created, appointments, estimates sold or dismissed). An account's timeline also holds its contacts' and opportunities' activities and tasks, its opportunities' stage moves and its ServiceTitan customer's facts; an opportunity's its stage moves and its customer's facts.")
	@GetMapping("/{type}/{id}/timeline")
	Page<TimelineEntry> timeline(Tenant tenant, @PathVariable String type, @PathVariable UUID id, PageRequest page) {
		return timeline.of(tenant, RecordType.fromPath(type), id, page);
	}
}
