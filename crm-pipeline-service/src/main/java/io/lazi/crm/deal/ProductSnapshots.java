package io.lazi.crm.deal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.crm.deal.ProductRepository.Product;
import io.lazi.platform.events.EventType;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.StEquipment;
import io.lazi.platform.events.StMaterial;
import io.lazi.platform.events.StRecordFetched;
import io.lazi.platform.events.StService;
import io.lazi.platform.kafka.ConsumedMessages;
import io.lazi.platform.kafka.ReceivedEvent;

/**
 * Keeps the CRM's snapshot of the pricebook (pricebook-service stays its owner) from the raw ServiceTitan services,
 * materials and equipment: each event applied once ({@link ConsumedMessages#acceptAll} under {@link #CONSUMER}), a
 * batch per transaction, one upsert per tenant; the newest {@code modifiedOn} wins, within a batch and against what
 * is stored. Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ProductSnapshots {

	/** Consumer name under which applied event ids are recorded. */
	public static final String CONSUMER = "crm-products";

	private static final Set<EventType<?>> READ = Set.of(Events.SERVICE_FETCHED, Events.MATERIAL_FETCHED,
			Events.EQUIPMENT_FETCHED);

	/** Newest first: a record without {@code modifiedOn} counts as the oldest. */
	private static final Comparator<Product> NEWER = Comparator.comparing(Product::modifiedOn,
			Comparator.nullsFirst(Comparator.naturalOrder()));

	private final ConsumedMessages consumed;

	private final ProductRepository products;

	/**
	 * Applies one fetched record; a re-delivered event changes nothing.
	 *
	 * @throws IllegalArgumentException when the event can never be applied
	 */
	@Transactional
	public void apply(ReceivedEvent<?> event) {
		applyAll(List.of(event));
	}

	/**
	 * Applies fetched records in one transaction; re-delivered events change nothing, other types are skipped.
	 *
	 * @param events {@link StRecordFetched} of {@link StService}, {@link StMaterial} or {@link StEquipment}, of any
	 *        tenants
	 * @throws IllegalArgumentException when an event can never be applied (missing fields, tenant mismatch, another
	 *         payload); nothing is applied then
	 */
	@Transactional
	public void applyAll(List<? extends ReceivedEvent<?>> events) {

		var read = events.stream().filter(event -> READ.contains(event.type())).toList();
		read.forEach(ProductSnapshots::check);
		var byTenant = new LinkedHashMap<String, Map<String, Product>>();
		for (var event : consumed.acceptAll(read, CONSUMER)) {
			var product = product(((StRecordFetched<?>) event.payload()).record());
			// Two records of one product in a batch: the newer wins (one statement cannot write a row twice).
			byTenant.computeIfAbsent(event.tenantId(), t -> new LinkedHashMap<>())
				.merge(product.type() + ":" + product.stId(), product, (a, b) -> NEWER.compare(b, a) >= 0 ? b : a);
		}
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		byTenant.forEach((tenantId, latest) -> products.upsert(tenantId, List.copyOf(latest.values()), now));
	}

	private static void check(ReceivedEvent<?> event) {
		if (!(event.payload() instanceof StRecordFetched<?> fetched) || fetched.record() == null) {
			throw new IllegalArgumentException("Event " + event.id() + " of type " + event.type() + " is no raw record");
		}
	}

	private static Product product(Object record) {
		return switch (record) {
			case StService s -> product(ProductType.SERVICE, s.id(), s.code(), s.displayName(), s.description(),
					s.price(), s.active(), s.modifiedOn());
			case StMaterial m -> product(ProductType.MATERIAL, m.id(), m.code(), m.displayName(), m.description(),
					m.price(), m.active(), m.modifiedOn());
			case StEquipment e -> product(ProductType.EQUIPMENT, e.id(), e.code(), e.displayName(), e.description(),
					e.price(), e.active(), e.modifiedOn());
			default -> throw new IllegalArgumentException("Not a pricebook product: " + record.getClass().getName());
		};
	}

	/** Named by its display name, else its code; a product without a price costs nothing until it gets one. */
	private static Product product(ProductType type, long id, @Nullable String code, @Nullable String displayName,
			@Nullable String description, @Nullable BigDecimal price, boolean active, @Nullable Instant modifiedOn) {

		var name = displayName != null && !displayName.isBlank() ? displayName.trim()
				: code != null && !code.isBlank() ? code.trim() : type.wire() + " " + id;
		return new Product(type, id, code, name, description,
				price == null ? BigDecimal.ZERO.setScale(2) : price.setScale(2, RoundingMode.HALF_UP), active, modifiedOn);
	}
}
