package io.lazi.stingest.servicetitan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.lazi.platform.test.MutableClock;

class AccessTokensUnitTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

	private final AtomicInteger requests = new AtomicInteger();

	private final AccessTokens tokens = new AccessTokens(
			tenant -> new AccessTokens.IssuedToken(tenant + "-token-" + requests.incrementAndGet(), 900),
			Duration.ofSeconds(60), clock);

	@Test
	void reusesTheTokenUntilTheRenewalMargin() {

		assertThat(tokens.get("1")).isEqualTo("1-token-1");
		clock.advance(Duration.ofSeconds(839));

		assertThat(tokens.get("1")).isEqualTo("1-token-1");
		assertThat(requests).hasValue(1);
	}

	@Test
	void renewsTheTokenMarginBeforeItExpires() {

		tokens.get("1");
		clock.advance(Duration.ofSeconds(840));

		assertThat(tokens.get("1")).isEqualTo("1-token-2");
		assertThat(requests).hasValue(2);
	}

	@Test
	void keepsOneTokenPerTenant() {

		assertThat(tokens.get("1")).isEqualTo("1-token-1");
		assertThat(tokens.get("2")).isEqualTo("2-token-2");
		assertThat(tokens.get("1")).isEqualTo("1-token-1");
	}

	@Test
	void dropsARejectedTokenOnly() {

		tokens.get("1");
		tokens.invalidate("1", "some-older-token");
		assertThat(tokens.get("1")).isEqualTo("1-token-1");

		tokens.invalidate("1", "1-token-1");
		assertThat(tokens.get("1")).isEqualTo("1-token-2");
	}

	@Test
	void letsConcurrentCallersShareOneTokenRequest() throws Exception {

		var release = new CountDownLatch(1);
		var slowRequests = new AtomicInteger();
		var slow = new AccessTokens(tenant -> {
			slowRequests.incrementAndGet();
			await(release);
			return new AccessTokens.IssuedToken("shared", 900);
		}, Duration.ofSeconds(60), clock);
		var seen = ConcurrentHashMap.<String>newKeySet();
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			var calls = new ArrayList<Future<?>>();
			for (int i = 0; i < 50; i++) {
				calls.add(executor.submit(() -> seen.add(slow.get("1"))));
			}
			Thread.sleep(200);
			release.countDown();
			for (var call : calls) {
				call.get();
			}
		}

		assertThat(slowRequests).hasValue(1);
		assertThat(seen).containsExactly("shared");
	}

	@Test
	void propagatesARejectionAndAsksAgainNextTime() {

		var attempts = new AtomicInteger();
		var failing = new AccessTokens(tenant -> {
			if (attempts.incrementAndGet() == 1) {
				throw new ServiceTitanException("rejected");
			}
			return new AccessTokens.IssuedToken("ok", 900);
		}, Duration.ofSeconds(60), clock);

		assertThatExceptionOfType(ServiceTitanException.class).isThrownBy(() -> failing.get("1"));
		assertThat(failing.get("1")).isEqualTo("ok");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
