package io.lazi.stsimulator.gateway;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TenantRateLimiterUnitTests {

	private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

	private final TenantRateLimiter limiter = new TenantRateLimiter(new RateLimitSettings(60, Duration.ofSeconds(1)),
			nanos::get);

	@Test
	void allowsTheBudgetAndRejectsTheNextCallWithARetryAfterOfAtLeastOneSecond() {

		var allowed = IntStream.range(0, 60).filter(index -> limiter.tryAcquire(1L) == 0).count();

		assertThat(allowed).isEqualTo(60);
		assertThat(limiter.tryAcquire(1L)).isEqualTo(1);
	}

	@Test
	void slidesTheWindowSoCallsAreAllowedAgainOnceTheOldestLeaveIt() {

		IntStream.range(0, 30).forEach(index -> limiter.tryAcquire(1L));
		nanos.addAndGet(600_000_000L);
		IntStream.range(0, 30).forEach(index -> limiter.tryAcquire(1L));

		assertThat(limiter.tryAcquire(1L)).isEqualTo(1);
		nanos.addAndGet(400_000_000L);
		assertThat(IntStream.range(0, 31).filter(index -> limiter.tryAcquire(1L) == 0).count()).isEqualTo(30);
	}

	@Test
	void keepsASeparateBudgetPerTenant() {

		IntStream.range(0, 60).forEach(index -> limiter.tryAcquire(1L));

		assertThat(limiter.tryAcquire(1L)).isPositive();
		assertThat(limiter.tryAcquire(2L)).isZero();
	}

	@Test
	void roundsTheRetryAfterUpToWholeSeconds() {

		var slow = new TenantRateLimiter(new RateLimitSettings(1, Duration.ofMillis(2500)), nanos::get);
		slow.tryAcquire(1L);

		assertThat(slow.tryAcquire(1L)).isEqualTo(3);
	}
}
