package io.lazi.stingest.servicetitan;

import java.util.Arrays;

/**
 * ServiceTitan's decisive answer to a write or a single read: a 2xx, or a 4xx other than 401 and 429
 * (those are retried by {@link GuardedCalls}).
 *
 * @param status the HTTP status
 * @param body the raw body, empty when there was none (e.g. 204); JSON ({@code CategoryResponse},
 *        {@code ApiErrorResponse}, …) otherwise
 */
public record StReply(int status, byte[] body) {

	public boolean succeeded() {
		return status >= 200 && status < 300;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof StReply reply && reply.status == status && Arrays.equals(reply.body, body);
	}

	@Override
	public int hashCode() {
		return 31 * status + Arrays.hashCode(body);
	}

	@Override
	public String toString() {
		return "StReply[status=" + status + ", body=" + body.length + " bytes]";
	}
}
