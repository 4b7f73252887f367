package io.lazi.notification.fanout;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * One message for the browsers of a tenant, or of one user of the tenant; sent as the JSON text frame
 * {@code {"event": name, "data": data, "id": id, "time": time, "cursor": …}} (the recipient is not part of it).
 *
 * @param id the CloudEvent id ({@code ce_id}); a client resumes by the message's {@code cursor}, not by it
 * @param event the message name, e.g. {@code sync:completed}
 * @param time when the event happened ({@code ce_time}), {@code null} when the producer did not say
 * @param data the event payload exactly as published
 * @param recipient the user (token {@code sub}) whose sessions alone are sent it, live and on a resume;
 *        {@code null}: every session of the tenant
 */
public record Notification(String id, String event, @Nullable OffsetDateTime time, JsonNode data,
		@Nullable String recipient) {

	/** A notification for every session of the tenant. */
	public Notification(String id, String event, @Nullable OffsetDateTime time, JsonNode data) {
		this(id, event, time, data, null);
	}

	/** Whether a session of {@code user} ({@code null}: of no known user) is sent this notification. */
	public boolean isFor(@Nullable String user) {
		return recipient == null || recipient.equals(user);
	}
}
