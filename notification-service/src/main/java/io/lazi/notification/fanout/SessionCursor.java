package io.lazi.notification.fanout;

import org.jspecify.annotations.Nullable;

/**
 * What one session's client has seen, as a {@link Cursor}, moved along by each notification it is sent. Used by
 * the session's own stream only, one notification at a time.
 */
final class SessionCursor {

	private Cursor cursor;

	SessionCursor(Cursor start) {
		this.cursor = start;
	}

	Cursor cursor() {
		return cursor;
	}

	/**
	 * The frame that sends {@code published} to this client, or {@code null} when the client has it already (it
	 * came from an instance that had read further). The client has then seen everything this instance read up to
	 * {@code published}, and what it had seen before: the frame carries the furthest of the two cursors, which is
	 * the instance's own unless the client came from an instance that had read further.
	 */
	@Nullable String frame(Published published, SessionFrames frames) {

		if (published.offset() < cursor.next(published.partition()).orElse(0)) {
			return null;
		}
		var seen = cursor.max(published.cursor());
		cursor = seen;
		return seen.equals(published.cursor()) ? published.frame() : frames.event(published.notification(), seen);
	}

	/**
	 * {@code published} is not for this client (another user's): it is sent nothing, but has now seen everything this
	 * instance read up to it, so that the next frame's cursor is past it and a resume does not consider it again.
	 */
	void skip(Published published) {
		cursor = cursor.max(published.cursor());
	}
}
