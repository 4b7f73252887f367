package io.lazi.notification.fanout.kafka;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.events.CaseOpened;
import io.lazi.platform.events.CategoriesPushed;
import io.lazi.platform.events.CategoriesSynced;
import io.lazi.platform.events.CategoryChanged;
import io.lazi.platform.events.CategoryConflictDetected;
import io.lazi.platform.events.CustomerChanged;
import io.lazi.platform.events.EstimateWrittenBack;
import io.lazi.platform.events.EventType;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.LeadConverted;
import io.lazi.platform.events.LeadCreated;
import io.lazi.platform.events.OpportunityStageMoved;
import io.lazi.platform.events.ProvidersChanged;
import io.lazi.platform.events.SyncCompleted;
import io.lazi.platform.events.SyncFailed;
import io.lazi.platform.events.SyncStarted;
import io.lazi.platform.events.TaskAssigned;
import io.lazi.platform.events.TenantPayload;

/**
 * The browser message name of each event type (docs/architecture.md, "WebSocket messages"): by payload record,
 * where every registered type carrying the record shares its name, else by type, where the types of one record
 * tell browsers different things (a job's update, status change and assignment). Every registered type of the
 * topics the fan-out reads is named here or deliberately {@link #NOT_FOR_BROWSERS}; a unit test holds that. Most
 * messages go to every session of the event's tenant; {@link #recipient} names the user a message is for alone.
 */
final class MessageNames {

	private static final Map<Class<?>, String> BY_PAYLOAD = Map.ofEntries(Map.entry(SyncStarted.class, "sync:started"),
			Map.entry(SyncCompleted.class, "sync:completed"), Map.entry(SyncFailed.class, "sync:failed"),
			Map.entry(CategoriesSynced.class, "pricebook:categories:synced"),
			Map.entry(CategoryChanged.class, "pricebook:categories:updated"),
			Map.entry(CategoryConflictDetected.class, "pricebook:categories:conflict"),
			Map.entry(CategoriesPushed.class, "pricebook:categories:pushed"),
			Map.entry(OpportunityStageMoved.class, "crm:stage-moved"),
			Map.entry(CustomerChanged.class, "customers:updated"),
			Map.entry(ProvidersChanged.class, "providers:changed"),
			Map.entry(EstimateWrittenBack.class, "crm:write-back"), Map.entry(LeadCreated.class, "crm:lead-created"),
			Map.entry(LeadConverted.class, "crm:lead-converted"), Map.entry(TaskAssigned.class, "crm:task-assigned"),
			Map.entry(CaseOpened.class, "crm:case-opened"));

	/** Types whose record is shared by types with other names ({@code JobChanged}, {@code OpportunityClosed}). */
	private static final Map<EventType<?>, String> BY_TYPE = Map.of(Events.FIELD_JOB_UPDATED, "jobs:updated",
			Events.FIELD_JOB_STATUS_CHANGED, "jobs:status-changed", Events.FIELD_JOB_ASSIGNED, "jobs:assigned",
			Events.FIELD_COMMAND_APPLIED, "field:command-completed", Events.CRM_OPPORTUNITY_WON, "crm:opportunity-won",
			Events.CRM_OPPORTUNITY_LOST, "crm:opportunity-lost");

	/**
	 * Types on the fan-out's topics that browsers are not told about: pricebook's own command outcomes; st-ingest's
	 * answers to field commands, which reach browsers from field-service once it applied them (a browser told
	 * earlier could read the record before the change); and a user's won/lost mark of an opportunity, which reaches
	 * browsers as its write-back ({@code crm:write-back}) and, once the status changes, as
	 * {@code crm:opportunity-won} / {@code crm:opportunity-lost}.
	 */
	static final Set<EventType<?>> NOT_FOR_BROWSERS = Set.of(Events.ST_COMMAND_COMPLETED, Events.FIELD_COMMAND_COMPLETED,
			Events.CRM_OPPORTUNITY_OUTCOME_MARKED);

	private MessageNames() {
	}

	/** The message name for events of {@code type}; empty for types browsers are not told about. */
	static Optional<String> of(EventType<?> type) {

		if (NOT_FOR_BROWSERS.contains(type)) {
			return Optional.empty();
		}
		return Optional.ofNullable(BY_TYPE.getOrDefault(type, BY_PAYLOAD.get(type.payloadClass())));
	}

	/**
	 * The user (token {@code sub}) whose sessions alone are sent the message of {@code payload}: the assignee of a
	 * task; {@code null} for a message to every session of the tenant.
	 */
	static @Nullable String recipient(TenantPayload payload) {
		return payload instanceof TaskAssigned assigned ? assigned.assigneeId() : null;
	}

	/** The message name for {@code ceType}; empty for types browsers are not told about, or unknown ones. */
	static Optional<String> of(String ceType) {
		return Events.find(ceType).flatMap(MessageNames::of);
	}
}
