package io.lazi.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RateLimitPropertiesUnitTests {

	private static final Duration SECOND = Duration.ofSeconds(1);

	@Test // GH-12
	void givesOneReplicaTheWholeBudget() {
		assertThat(new RateLimitProperties(50, SECOND, 1).perReplica()).isEqualTo(50);
	}

	@Test // GH-12
	void splitsTheBudgetOverTheReplicasRoundingDownSoTheyNeverAllowMore() {

		assertThat(new RateLimitProperties(50, SECOND, 2).perReplica()).isEqualTo(25);
		assertThat(new RateLimitProperties(50, SECOND, 3).perReplica()).isEqualTo(16);
		assertThat(new RateLimitProperties(7, SECOND, 2).perReplica()).isEqualTo(3);
	}

	@Test // GH-12
	void leavesEachReplicaAtLeastOneRequest() {
		assertThat(new RateLimitProperties(2, SECOND, 5).perReplica()).isEqualTo(1);
	}

	@Test // GH-12
	void refusesFewerThanOneReplica() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitProperties(50, SECOND, 0))
			.withMessageContaining("replicas");
	}
}
