package io.lazi.platform.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

import io.lazi.platform.observability.TenantLogContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * Follows spring-kafka's listener observation (on in every Lazi service), which continues the trace of the
 * record's {@code traceparent} header: while the listener and the error handler work on the record, the
 * MDC holds the tenant of its {@code ce_tenantid} header, so their log lines name it; when the listener
 * returns, one line says which event it consumed, at INFO for platform events and at DEBUG for the raw
 * ServiceTitan feed ({@code st.raw.*}, thousands a sync).
 */
final class ConsumedRecordObservations implements ObservationHandler<KafkaRecordReceiverContext> {

	private static final Logger LOG = LoggerFactory.getLogger(ConsumedRecordObservations.class);

	private static final String RAW_FEED = "st.raw.";

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof KafkaRecordReceiverContext;
	}

	@Override
	public void onStart(KafkaRecordReceiverContext context) {
		context.put(Started.class, new Started(System.nanoTime()));
	}

	@Override
	public void onScopeOpened(KafkaRecordReceiverContext context) {
		context.put(TenantLogContext.Scope.class, TenantLogContext.open(header(context.getRecord(), "ce_tenantid")));
	}

	@Override
	public void onScopeClosed(KafkaRecordReceiverContext context) {

		if (context.remove(TenantLogContext.Scope.class) instanceof TenantLogContext.Scope scope) {
			scope.close();
		}
	}

	@Override
	public void onStop(KafkaRecordReceiverContext context) {

		var record = context.getRecord();
		var raw = record.topic().startsWith(RAW_FEED);
		if (context.getError() != null || (raw ? !LOG.isDebugEnabled() : !LOG.isInfoEnabled())) {
			return;
		}
		Started started = context.get(Started.class);
		var millis = started == null ? 0 : (System.nanoTime() - started.nanos()) / 1_000_000;
		var message = "Consumed {} event {} (subject {}) from {}-{}@{} in {} ms ({})";
		Object[] arguments = { header(record, "ce_type"), header(record, "ce_id"), header(record, "ce_subject"),
				record.topic(), record.partition(), record.offset(), millis, context.getListenerId() };
		if (raw) {
			LOG.debug(message, arguments);
		}
		else {
			LOG.info(message, arguments);
		}
	}

	private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {

		var header = record.headers().lastHeader(name);
		return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	private record Started(long nanos) {
	}
}
