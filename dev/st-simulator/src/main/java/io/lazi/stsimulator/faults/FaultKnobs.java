package io.lazi.stsimulator.faults;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * Holds the current {@link FaultSettings}; thread-safe, replaced as a whole.
 */
@Component
public class FaultKnobs {

	private final AtomicReference<FaultSettings> current = new AtomicReference<>(FaultSettings.NONE);

	/**
	 * @return the settings in force
	 */
	public FaultSettings current() {
		return current.get();
	}

	/**
	 * @param settings the settings to put in force
	 */
	public void replace(FaultSettings settings) {
		current.set(settings);
	}

	/**
	 * Draws whether an API call should fail with 503 under the current error rate.
	 *
	 * @return whether to fail the call
	 */
	public boolean drawError() {

		var rate = current.get().errorRate();
		return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
	}
}
