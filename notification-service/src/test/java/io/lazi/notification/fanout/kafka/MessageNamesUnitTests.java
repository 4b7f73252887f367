package io.lazi.notification.fanout.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.kafka.annotation.KafkaListener;

import io.lazi.platform.events.Events;
import io.lazi.platform.events.KafkaAccess;
import io.lazi.platform.events.KafkaAccess.Principal;
import io.lazi.platform.events.KafkaAccess.TopicAccess;
import io.lazi.platform.events.LeadCreated;
import io.lazi.platform.events.TaskAssigned;
import io.lazi.platform.events.Topics;

class MessageNamesUnitTests {

	@ParameterizedTest
	@CsvSource({ "io.lazi.sync.started.v1, sync:started", "io.lazi.sync.completed.v1, sync:completed",
			"io.lazi.sync.failed.v1, sync:failed",
			"io.lazi.pricebook.categories.synced.v1, pricebook:categories:synced",
			"io.lazi.pricebook.category.created.v1, pricebook:categories:updated",
			"io.lazi.pricebook.category.updated.v1, pricebook:categories:updated",
			"io.lazi.pricebook.category.moved.v1, pricebook:categories:updated",
			"io.lazi.pricebook.category.deactivated.v1, pricebook:categories:updated",
			"io.lazi.pricebook.category.override-saved.v1, pricebook:categories:updated",
			"io.lazi.pricebook.category.deleted.v1, pricebook:categories:updated",
			"io.lazi.pricebook.category.pushed.v1, pricebook:categories:updated",
			"io.lazi.pricebook.category.conflict.v1, pricebook:categories:conflict",
			"io.lazi.pricebook.categories.pushed.v1, pricebook:categories:pushed",
			"io.lazi.crm.opportunity.stage-moved.v1, crm:stage-moved",
			"io.lazi.field.customer.changed.v1, customers:updated", "io.lazi.field.job.updated.v1, jobs:updated",
			"io.lazi.field.job.status-changed.v1, jobs:status-changed", "io.lazi.field.job.assigned.v1, jobs:assigned",
			"io.lazi.field.providers.changed.v1, providers:changed",
			"io.lazi.field.command.completed.v1, field:command-completed",
			"io.lazi.field.estimate.written-back.v1, crm:write-back", "io.lazi.crm.lead.created.v1, crm:lead-created",
			"io.lazi.crm.lead.converted.v1, crm:lead-converted", "io.lazi.crm.opportunity.won.v1, crm:opportunity-won",
			"io.lazi.crm.opportunity.lost.v1, crm:opportunity-lost", "io.lazi.crm.task.assigned.v1, crm:task-assigned",
			"io.lazi.crm.case.opened.v1, crm:case-opened" })
	void namesEveryContractEventType(String ceType, String name) {
		assertThat(MessageNames.of(ceType)).contains(name);
	}

	@ParameterizedTest
	@ValueSource(strings = { "io.lazi.crm.stage-moved.v1", "io.lazi.sync.completed.v2", "io.lazi.st.category.fetched.v1",
			"io.lazi.st.command.completed.v1", "io.lazi.st.field-command.v1", "io.lazi.st.technician.fetched.v1",
			"io.lazi.st.field-command.completed.v1", "io.lazi.crm.opportunity.outcome-marked.v1" })
	void namesNoOtherType(String ceType) {
		assertThat(MessageNames.of(ceType)).isEmpty();
	}

	@Test
	void addressesATaskAssignmentToItsAssigneeAloneAndEverythingElseToTheWholeTenant() {

		var at = Instant.parse("2026-03-01T10:15:30Z");
		var task = new TaskAssigned("3222348440", UUID.randomUUID(), "Call back", "call", "high", null, null, "user-9",
				"user-7", "user-7", null, null, at);
		var lead = new LeadCreated("3222348440", UUID.randomUUID(), "Dana", null, null, null, "website", "new", null, null,
				null, "user-7", at);

		assertThat(MessageNames.recipient(task)).isEqualTo("user-9");
		assertThat(MessageNames.recipient(lead)).isNull();
	}

	@Test
	void namesEveryTypeOfTheFannedOutTopicsUnlessItIsNotForBrowsers() throws NoSuchMethodException {

		var topics = List.of(PlatformEventListener.class.getDeclaredMethod("on", Optional.class, ConsumerRecord.class)
			.getAnnotation(KafkaListener.class)
			.topics());
		assertThat(topics).containsExactlyInAnyOrder(Topics.SYNC_EVENTS, Topics.PRICEBOOK_CHANGED, Topics.CRM_STAGE_MOVED,
				Topics.FIELD_CHANGED, Topics.CRM_OPPORTUNITIES, Topics.CRM_LEADS, Topics.CRM_TASKS, Topics.CRM_CASES);
		// The fan-out reads exactly what its principal may read: a topic missing from either side fails here.
		assertThat(KafkaAccess.topics()).filteredOn(access -> access.consumers().contains(Principal.NOTIFICATION))
			.extracting(TopicAccess::topic)
			.containsExactlyInAnyOrderElementsOf(topics);
		var fannedOut = Events.all().stream().filter(type -> topics.contains(type.topic())).toList();
		assertThat(fannedOut).allSatisfy(type -> assertThat(MessageNames.of(type).isPresent())
			.as("%s has a message name, or is listed as not for browsers", type.name())
			.isNotEqualTo(MessageNames.NOT_FOR_BROWSERS.contains(type)));
		assertThat(fannedOut).containsAll(MessageNames.NOT_FOR_BROWSERS);
	}
}
