package io.lazi.crm.deal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.crm.pipeline.ManualOpportunities;
import io.lazi.crm.pipeline.Views.LineItemView;
import io.lazi.crm.record.Actor;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.PreconditionFailedException;
import io.lazi.platform.web.ResourceNotFoundException;

/**
 * The pricebook line items of an opportunity, derived or opened in Lazi. A line takes its product's code, name and
 * (unless given) price from the pricebook snapshot at that moment; its total is quantity*unitPrice - discount,
 * rounded half-up to cents. The opportunity's amount follows the sum of the totals unless a user set it by hand, and
 * every change of its items is a new version of the opportunity: {@code If-Match} on these routes names the
 * opportunity's version. Thread-safe; changes of one opportunity's items serialise on its row lock.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class LineItems {

	/** {@code numeric(12, 3)}: at most 9 digits before the point. */
	private static final BigDecimal QUANTITY_LIMIT = new BigDecimal("1000000000");

	private final OpportunityRecords opportunities;

	private final OpportunityWrites writes;

	private final LineItemRepository items;

	private final ProductRepository products;

	private final ManualOpportunities pipeline;

	/**
	 * Adds a line at the end of the opportunity's items.
	 *
	 * @param expectedVersion the opportunity's version {@code If-Match} names; {@code null} for whatever is current
	 * @return the new line and the opportunity's new version
	 * @throws ResourceNotFoundException when the tenant has no such live opportunity
	 * @throws PreconditionFailedException when {@code expectedVersion} is not the opportunity's current version
	 * @throws InvalidInputException naming the field: {@code productType} or {@code productId} missing,
	 *         {@code productId} not in the pricebook snapshot or inactive, {@code quantity}, {@code unitPrice} or
	 *         {@code discount} out of range
	 */
	@Transactional
	public Changed add(String tenantId, UUID opportunityId, LineItemSpec spec, @Nullable Integer expectedVersion,
			Actor actor) {

		var opportunity = opportunities.lock(tenantId, opportunityId, expectedVersion);
		var item = priced(tenantId, UUID.randomUUID(), spec, items.nextPosition(tenantId, opportunityId), null);
		items.insert(tenantId, opportunityId, item, actor.id(), OffsetDateTime.now(ZoneOffset.UTC));
		return new Changed(item, changed(opportunity));
	}

	/**
	 * Replaces a line's product, quantity, unit price and discount (a {@code null} takes the default again, the unit
	 * price the product's price now); its position stays. An inactive product may stay on the line it is on.
	 *
	 * @throws ResourceNotFoundException when the tenant has no such live opportunity, or it has no such line
	 * @throws PreconditionFailedException when {@code expectedVersion} is not the opportunity's current version
	 * @throws InvalidInputException as {@link #add} checks the line
	 */
	@Transactional
	public Changed change(String tenantId, UUID opportunityId, UUID itemId, LineItemSpec spec,
			@Nullable Integer expectedVersion) {

		var opportunity = opportunities.lock(tenantId, opportunityId, expectedVersion);
		var current = find(tenantId, opportunityId, itemId);
		var item = priced(tenantId, itemId, spec, current.position(), current);
		items.update(tenantId, item, OffsetDateTime.now(ZoneOffset.UTC));
		return new Changed(item, changed(opportunity));
	}

	/**
	 * Removes a line; the ones after it move up.
	 *
	 * @return the opportunity's new version
	 * @throws ResourceNotFoundException when the tenant has no such live opportunity, or it has no such line
	 * @throws PreconditionFailedException when {@code expectedVersion} is not the opportunity's current version
	 */
	@Transactional
	public int remove(String tenantId, UUID opportunityId, UUID itemId, @Nullable Integer expectedVersion) {

		var opportunity = opportunities.lock(tenantId, opportunityId, expectedVersion);
		items.delete(tenantId, opportunityId, find(tenantId, opportunityId, itemId));
		return changed(opportunity);
	}

	private LineItemView find(String tenantId, UUID opportunityId, UUID itemId) {

		var item = items.find(tenantId, opportunityId, itemId);
		if (item == null) {
			throw new ResourceNotFoundException("Line item", itemId);
		}
		return item;
	}

	/** The opportunity's amount follows its items; its new version (after the rules, when they take it back). */
	private int changed(OpportunityWrites.Locked opportunity) {

		var now = writes.itemsChanged(opportunity, OffsetDateTime.now(ZoneOffset.UTC));
		var customer = now.stCustomerId();
		if (customer != null && !now.amountManual() && now.items() == 0) {
			// The last line of a derived opportunity is gone: its amount is ServiceTitan's estimate's again.
			pipeline.rederive(now.tenantId(), customer);
			return writes.version(now.tenantId(), now.id());
		}
		return now.version();
	}

	/**
	 * The line {@code spec} describes, priced from the product snapshot.
	 *
	 * @param current the line it replaces; {@code null} for a new one (whose product must be active)
	 */
	private LineItemView priced(String tenantId, UUID id, LineItemSpec spec, int position,
			@Nullable LineItemView current) {

		var type = ProductType.parse(spec.productType(), "productType");
		if (spec.productId() == null) {
			throw new InvalidInputException("productId", "is required");
		}
		long productId = spec.productId();
		var product = products.find(tenantId, type, productId);
		if (product == null) {
			throw new InvalidInputException("productId", type.wire() + " " + productId + " does not exist");
		}
		var kept = current != null && current.productType().equals(type.wire()) && current.productId() == productId;
		if (!product.active() && !kept) {
			throw new InvalidInputException("productId", type.wire() + " " + productId + " is inactive");
		}
		var quantity = quantity(spec.quantity());
		var unitPrice = spec.unitPrice() == null ? product.price() : Inputs.money(spec.unitPrice(), "unitPrice");
		var gross = quantity.multiply(unitPrice);
		var discount = spec.discount() == null ? BigDecimal.ZERO.setScale(2) : Inputs.money(spec.discount(), "discount");
		if (discount.compareTo(gross) > 0) {
			throw new InvalidInputException("discount", "must be at most quantity * unitPrice ("
					+ gross.setScale(2, RoundingMode.HALF_UP).toPlainString() + ")");
		}
		var total = gross.subtract(discount).setScale(2, RoundingMode.HALF_UP);
		if (!Inputs.fitsMoney(total)) {
			throw new InvalidInputException("quantity", "makes the total too large");
		}
		return new LineItemView(id, type.wire(), productId, product.code(), product.name(), quantity, unitPrice,
				discount, total, position);
	}

	private static BigDecimal quantity(@Nullable BigDecimal value) {

		if (value == null) {
			return BigDecimal.ONE.setScale(3);
		}
		if (value.signum() <= 0) {
			throw new InvalidInputException("quantity", "must be more than 0");
		}
		if (value.stripTrailingZeros().scale() > 3) {
			throw new InvalidInputException("quantity", "must have at most 3 decimals");
		}
		if (value.compareTo(QUANTITY_LIMIT) >= 0) {
			throw new InvalidInputException("quantity", "must be less than " + QUANTITY_LIMIT.toPlainString());
		}
		return value.setScale(3);
	}

	/**
	 * A line item change: the line as stored and the opportunity's version after it.
	 *
	 * @param version the opportunity's new version, its ETag {@code "<version>"}
	 */
	public record Changed(LineItemView item, int version) {
	}
}
