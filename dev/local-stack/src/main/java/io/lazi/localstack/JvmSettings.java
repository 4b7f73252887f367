package io.lazi.localstack;

import java.util.List;
import java.util.Locale;

import io.lazi.localstack.process.JavaCommand;

/**
 * The JVM options the local stack runs a service with, chosen by {@code ./lazi up --jvm} (or {@code LAZI_JVM}).
 * {@link #STARTUP} starts fast on a small laptop; {@link #PRODUCTION} is what the Helm charts run, so that
 * benchmarks measure what a pod does: full JIT, {@code -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError}
 * against the service's memory limit (emulated with {@code -XX:MaxRAM}, so that heap and collector come out as
 * the JVM's container ergonomics pick them in a pod of that size).
 */
public enum JvmSettings {

	/** C1 only, serial GC, a 384 MB heap: a quick start, not throughput. */
	STARTUP,

	/** The charts' options with each service's memory limit (deploy/helm/SERVICE/values.yaml). */
	PRODUCTION;

	/** The environment variable {@code ./lazi up --jvm} sets for the stack it starts. */
	public static final String VARIABLE = "LAZI_JVM";

	/** {@code startup} or {@code production}, any case; unset is {@link #STARTUP}. */
	public static JvmSettings of(String value) {

		try {
			return value == null || value.isBlank() ? STARTUP : valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(VARIABLE + " must be startup or production, not '" + value + "'", ex);
		}
	}

	/** The options of {@code service}. */
	public List<String> options(StackService service) {
		return switch (this) {
			case STARTUP -> JavaCommand.SERVICE_JVM_OPTIONS;
			case PRODUCTION -> List.of("-XX:MaxRAM=" + memoryLimitMiB(service) + "m", "-XX:MaxRAMPercentage=75",
					"-XX:+ExitOnOutOfMemoryError");
		};
	}

	/** The memory limit of the service's chart, MiB. */
	static int memoryLimitMiB(StackService service) {
		return switch (service) {
			case ST_INGEST, PRICEBOOK, CRM_PIPELINE, FIELD, IMAGE -> 1024;
			case NOTIFICATION, GATEWAY, IDENTITY_PROVIDER, ST_SIMULATOR -> 768;
		};
	}

	/** Lower case, as {@code --jvm} takes it. */
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
