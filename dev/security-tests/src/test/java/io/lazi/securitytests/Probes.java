package io.lazi.securitytests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one category's probes: each probe held or was breached, with what was seen. Prints
 * {@code <category>: N probes, N held} and fails listing the breaches. Not thread-safe: one test fills it.
 */
final class Probes {

	private final Category category;

	private final List<String> breaches = new ArrayList<>();

	private int count;

	Probes(Category category) {
		this.category = category;
	}

	/** Records one probe: {@code held} when the platform refused or withstood it. */
	void check(boolean held, String probe, Object seen) {

		count++;
		if (!held) {
			breaches.add(probe + " → " + seen);
		}
	}

	/** Records a probe whose reply must have one of {@code statuses}. */
	void expectStatus(Http.Reply reply, String probe, int... statuses) {

		var held = false;
		for (int status : statuses) {
			held |= reply.status() == status;
		}
		check(held, probe, reply.summary());
	}

	/** Records a probe whose reply must not be a server error nor a success. */
	void expectRefused(Http.Reply reply, String probe) {
		check(reply.status() >= 400 && reply.status() < 500, probe, reply.summary());
	}

	/** Records a probe whose reply must not be a server error. */
	void expectNoServerError(Http.Reply reply, String probe) {
		check(reply.status() > 0 && reply.status() < 500, probe, reply.summary());
	}

	int count() {
		return count;
	}

	/** Prints the tally and fails when any probe was breached or none ran. */
	void report() {

		System.out.printf("%s: %d probes, %d held%n", category.title(), count, count - breaches.size());
		breaches.forEach(breach -> System.out.println("  BREACH " + breach));
		assertThat(count).as("probes run for " + category.title()).isPositive();
		assertThat(breaches).as(category.title() + " breaches").isEmpty();
	}
}
