package io.lazi.pricebook.sku;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.events.StRecordFetched;
import io.lazi.platform.kafka.ConsumedMessages;
import io.lazi.platform.kafka.IncomingEvent;

/**
 * Stores the SKUs st-ingest fetched, each event exactly once (by CloudEvents id); of two versions of
 * a SKU the one ServiceTitan modified last wins, whatever order they arrive in. Thread-safe.
 */
@Service
public class SkuSync {

	/** Consumer name under which applied event ids are recorded (the service's consumer group). */
	public static final String CONSUMER = "pricebook-service";

	private static final Logger LOG = LoggerFactory.getLogger(SkuSync.class);

	private final ConsumedMessages consumed;

	private final SkuRepository skus;

	SkuSync(ConsumedMessages consumed, SkuRepository skus) {
		this.consumed = consumed;
		this.skus = skus;
	}

	/**
	 * Stores one fetched {@code StService}, {@code StMaterial} or {@code StEquipment}. A re-delivered
	 * event, or a record older than the stored one, changes nothing.
	 *
	 * @throws IllegalArgumentException when the event can never be applied (no SKU, tenant mismatch,
	 *         missing fields)
	 */
	@Transactional
	public void apply(IncomingEvent event, StRecordFetched<?> fetched) {

		var tenantId = tenant(event, fetched.tenantId());
		if (fetched.record() == null) {
			throw new IllegalArgumentException("Event " + event.id() + " carries no record");
		}
		var sku = Sku.of(fetched.record());
		if (!consumed.markConsumed(event.id(), CONSUMER)) {
			LOG.debug("Skipping already applied SKU event {}", event.id());
			return;
		}
		if (skus.upsert(tenantId, List.of(sku), OffsetDateTime.now(ZoneOffset.UTC)) == 0) {
			LOG.debug("Kept the newer stored {} {} of tenant {} over event {}", sku.kind().column(), sku.stId(),
					tenantId, event.id());
		}
	}

	private static String tenant(IncomingEvent event, @Nullable String payloadTenant) {

		if (payloadTenant == null || payloadTenant.isBlank()) {
			throw new IllegalArgumentException("Event " + event.id() + " carries no tenantId");
		}
		if (event.tenantId() != null && !event.tenantId().equals(payloadTenant)) {
			throw new IllegalArgumentException("Event " + event.id() + " is for tenant " + event.tenantId()
					+ " but its payload for tenant " + payloadTenant);
		}
		return payloadTenant;
	}
}
