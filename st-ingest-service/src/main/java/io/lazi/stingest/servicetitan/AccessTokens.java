package io.lazi.stingest.servicetitan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;

/**
 * Caches one OAuth2 access token per tenant and renews it {@code margin} before it expires.
 * Concurrent callers of a tenant whose token is missing or due share one token request: the first
 * fetches while the others wait for its result. Thread-safe.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AccessTokens {

	private final TokenEndpoint endpoint;

	private final Duration margin;

	private final Clock clock;

	private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();

	/** A valid access token of {@code tenant}; fetched when none is cached or it is due for renewal. */
	String get(String tenant) {

		var slot = slots.computeIfAbsent(tenant, t -> new Slot());
		var cached = slot.token;
		if (cached != null && cached.freshAt(clock.instant(), margin)) {
			return cached.value();
		}
		slot.lock.lock();
		try {
			cached = slot.token;
			if (cached != null && cached.freshAt(clock.instant(), margin)) {
				return cached.value();
			}
			var issued = endpoint.requestToken(tenant);
			var token = new Token(issued.accessToken(), clock.instant().plusSeconds(issued.expiresInSeconds()));
			slot.token = token;
			return token.value();
		}
		finally {
			slot.lock.unlock();
		}
	}

	/** Drops the cached token of {@code tenant}, e.g. after ServiceTitan answered 401 to it. */
	void invalidate(String tenant, String rejected) {

		var slot = slots.get(tenant);
		if (slot != null) {
			slot.lock.lock();
			try {
				if (slot.token != null && slot.token.value().equals(rejected)) {
					slot.token = null;
				}
			}
			finally {
				slot.lock.unlock();
			}
		}
	}

	/** Asks the authorization server for a new token of one tenant. */
	@FunctionalInterface
	interface TokenEndpoint {

		IssuedToken requestToken(String tenant);
	}

	/** A token as issued: the bearer value and its lifetime in seconds. */
	record IssuedToken(String accessToken, long expiresInSeconds) {

		@Override
		public String toString() {
			return "IssuedToken[accessToken=***, expiresInSeconds=" + expiresInSeconds + "]";
		}
	}

	private record Token(String value, Instant expiresAt) {

		boolean freshAt(Instant now, Duration margin) {
			return now.isBefore(expiresAt.minus(margin));
		}
	}

	private static final class Slot {

		private final ReentrantLock lock = new ReentrantLock();

		private volatile @Nullable Token token;
	}
}
