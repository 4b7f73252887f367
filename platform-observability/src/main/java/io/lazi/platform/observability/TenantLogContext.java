package io.lazi.platform.observability;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import io.micrometer.context.ContextRegistry;

/**
 * The tenant of the work a thread does, in the logging MDC under {@value #KEY}, so that every log line of
 * that work names it: a field of each JSON line, part of the correlation of each text line. Servlet
 * filters and Kafka listeners {@link #open open} it around the work they run for a tenant they checked;
 * reactive code writes it into the Reactor context under the same key, and Reactor's automatic context
 * propagation (on in reactive Lazi services) sets it on every thread the work hops to.
 */
public final class TenantLogContext {

	/** The MDC key, and the Reactor context key, of the tenant id: {@code tenantId}. */
	public static final String KEY = "tenantId";

	private TenantLogContext() {
	}

	/**
	 * Puts {@code tenantId} in this thread's MDC until the returned scope is closed, which restores what
	 * was there before; a blank or null tenant leaves the MDC as it is.
	 */
	public static Scope open(@Nullable String tenantId) {

		if (tenantId == null || tenantId.isBlank()) {
			return () -> {
			};
		}
		var previous = MDC.get(KEY);
		MDC.put(KEY, tenantId);
		return () -> {
			if (previous == null) {
				MDC.remove(KEY);
			}
			else {
				MDC.put(KEY, previous);
			}
		};
	}

	/**
	 * Lets Reactor's context propagation carry the tenant: a Reactor context entry {@value #KEY} becomes the
	 * MDC entry of every thread that runs the work. Idempotent.
	 */
	static void registerWithContextPropagation() {
		ContextRegistry.getInstance()
			.registerThreadLocalAccessor(KEY, () -> MDC.get(KEY), tenant -> MDC.put(KEY, tenant), () -> MDC.remove(KEY));
	}

	/** The tenant's time in the MDC; closing it restores what was there before. Not thread-safe: close it on the thread that opened it. */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		@Override
		void close();
	}
}
