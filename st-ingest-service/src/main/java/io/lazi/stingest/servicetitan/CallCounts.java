package io.lazi.stingest.servicetitan;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * ServiceTitan API calls of one sync run: every attempt sent (token requests excluded) and the 429
 * answers among them. Thread-safe; pass one instance to every call of the run.
 */
public final class CallCounts {

	private final AtomicInteger calls = new AtomicInteger();

	private final AtomicInteger rateLimited = new AtomicInteger();

	void called() {
		calls.incrementAndGet();
	}

	void rateLimited() {
		rateLimited.incrementAndGet();
	}

	/** API calls sent so far. */
	public int calls() {
		return calls.get();
	}

	/** 429 answers received so far. */
	public int rateLimitedCount() {
		return rateLimited.get();
	}
}
