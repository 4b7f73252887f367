package io.lazi.faultharness;

import java.time.Duration;

/** Sleeps that give up quietly when the run is interrupted. */
final class Pause {

	private Pause() {
	}

	static void of(Duration duration) {

		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}
}
