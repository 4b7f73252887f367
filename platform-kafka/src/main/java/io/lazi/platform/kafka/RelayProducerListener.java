package io.lazi.platform.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.ProducerListener;

import io.lazi.platform.observability.TenantLogContext;

/**
 * Logs a record the {@link OutboxRelay} could not send, in the record's tenant ({@code ce_tenantid}) like every
 * other line of its trace, instead of spring-kafka's untenanted ERROR. Its row stays in the outbox and goes out
 * with a later batch. A fenced producer is expected, not an error: another replica's relay (same
 * {@code transactional.id}) took the relay over, so it is a WARN.
 */
final class RelayProducerListener implements ProducerListener<String, byte[]> {

	private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

	@Override
	public void onError(ProducerRecord<String, byte[]> record, @Nullable RecordMetadata metadata, Exception exception) {

		var header = record.headers().lastHeader("ce_tenantid");
		try (var tenant = TenantLogContext.open(header == null ? null : new String(header.value(), StandardCharsets.UTF_8))) {
			if (exception instanceof ProducerFencedException || exception instanceof InvalidProducerEpochException) {
				LOG.warn("Another replica's outbox relay took over; record {} for {} stays in the outbox: {}", record.key(),
						record.topic(), exception.toString());
			}
			else {
				LOG.error("Outbox relay could not send record {} for {}; it stays in the outbox", record.key(), record.topic(),
						exception);
			}
		}
	}
}
