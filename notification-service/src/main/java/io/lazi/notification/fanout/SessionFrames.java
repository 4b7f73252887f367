package io.lazi.notification.fanout;

import java.time.Clock;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

/** Writes the JSON text frames of the WebSocket (docs/architecture.md, "WebSocket messages"). Thread-safe. */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class SessionFrames {

	private final JsonMapper json;

	private final Clock clock;

	/** The frame of {@code notification} for a client that has then seen up to {@code cursor}. */
	String event(Notification notification, Cursor cursor) {
		return json.writeValueAsString(new Frame(notification.event(), notification.data(), notification.id(),
				notification.time() == null ? null : notification.time().toString(), cursor.text()));
	}

	/** A frame of notification-service's own ({@code subscribed}, {@code resync}): no id, the time now. */
	String control(String event, Object data, Cursor cursor) {
		return json.writeValueAsString(new Frame(event, data, null, clock.instant().toString(), cursor.text()));
	}

	/** The wire shape of every message. */
	private record Frame(String event, Object data, @Nullable String id, @Nullable String time, String cursor) {
	}
}
