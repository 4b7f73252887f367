package io.lazi.pricebook.sku;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.events.StRecordFetched;
import io.lazi.platform.kafka.ConsumedMessages;
import io.lazi.platform.kafka.ReceivedEvent;
import io.lazi.pricebook.PricebookApplication;

/**
 * Stores the SKUs st-ingest fetched, each event checked and applied exactly once
 * ({@link ConsumedMessages#accept}); of two versions of a SKU the one ServiceTitan modified last wins,
 * whatever order they arrive in. Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SkuSync {

	private static final Logger LOG = LoggerFactory.getLogger(SkuSync.class);

	private final ConsumedMessages consumed;

	private final SkuRepository skus;

	/**
	 * Stores one fetched SKU. A re-delivered event, or a record older than the stored one, changes nothing.
	 *
	 * @param event its payload is a {@link StRecordFetched} of a {@code StService}, {@code StMaterial} or
	 *        {@code StEquipment}
	 * @throws IllegalArgumentException when the event can never be applied (no SKU, tenant mismatch,
	 *         missing fields)
	 */
	@Transactional
	public void apply(ReceivedEvent<?> event) {

		if (!(event.payload() instanceof StRecordFetched<?> fetched)) {
			throw new IllegalArgumentException("Event " + event.id() + " of type " + event.type() + " is no raw record");
		}
		if (!consumed.accept(event, PricebookApplication.CONSUMER)) {
			return;
		}
		var tenantId = event.tenantId();
		var sku = Sku.of(fetched.record());
		if (skus.upsert(tenantId, List.of(sku), OffsetDateTime.now(ZoneOffset.UTC)) == 0) {
			LOG.debug("Kept the newer stored {} {} of tenant {} over event {}", sku.kind().column(), sku.stId(),
					tenantId, event.id());
		}
	}
}
