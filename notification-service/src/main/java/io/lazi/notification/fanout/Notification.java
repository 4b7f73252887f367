package io.lazi.notification.fanout;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * One message for the browsers of a tenant; sent as the JSON text frame
 * {@code {"event": name, "data": data, "id": id, "time": time, "cursor": …}}.
 *
 * @param id the CloudEvent id ({@code ce_id}); a client resumes by the message's {@code cursor}, not by it
 * @param event the message name, e.g. {@code sync:completed}
 * @param time when the event happened ({@code ce_time}), {@code null} when the producer did not say
 * @param data the event payload exactly as published
 */
public record Notification(String id, String event, @Nullable OffsetDateTime time, JsonNode data) {
}
