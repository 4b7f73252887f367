package io.lazi.crm.deal;

import static io.lazi.crm.jooq.Tables.LINE_ITEM;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.val;

import java.time.OffsetDateTime;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import io.lazi.crm.pipeline.Views.LineItemView;

/** Writes of the {@code line_item} table; the caller holds the opportunity's row lock. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LineItemRepository {

	private final DSLContext dsl;

	/** The next position at the end of the opportunity's items (1 for the first). */
	int nextPosition(String tenantId, UUID opportunityId) {
		return dsl.select(coalesce(max(LINE_ITEM.POSITION), val(0)).plus(1))
			.from(LINE_ITEM)
			.where(LINE_ITEM.TENANT_ID.eq(tenantId))
			.and(LINE_ITEM.OPPORTUNITY_ID.eq(opportunityId))
			.fetchSingle()
			.value1();
	}

	void insert(String tenantId, UUID opportunityId, LineItemView item, String createdBy, OffsetDateTime now) {
		dsl.insertInto(LINE_ITEM)
			.set(LINE_ITEM.TENANT_ID, tenantId)
			.set(LINE_ITEM.ID, item.id())
			.set(LINE_ITEM.OPPORTUNITY_ID, opportunityId)
			.set(LINE_ITEM.PRODUCT_TYPE, item.productType())
			.set(LINE_ITEM.PRODUCT_ID, item.productId())
			.set(LINE_ITEM.CODE, item.code())
			.set(LINE_ITEM.NAME, item.name())
			.set(LINE_ITEM.QUANTITY, item.quantity())
			.set(LINE_ITEM.UNIT_PRICE, item.unitPrice())
			.set(LINE_ITEM.DISCOUNT, item.discount())
			.set(LINE_ITEM.TOTAL, item.total())
			.set(LINE_ITEM.POSITION, item.position())
			.set(LINE_ITEM.CREATED_BY, createdBy)
			.set(LINE_ITEM.CREATED_AT, now)
			.set(LINE_ITEM.UPDATED_AT, now)
			.execute();
	}

	/** The item {@code id} of the opportunity; {@code null} when it has none such. */
	@Nullable LineItemView find(String tenantId, UUID opportunityId, UUID id) {
		return dsl.selectFrom(LINE_ITEM)
			.where(LINE_ITEM.TENANT_ID.eq(tenantId))
			.and(LINE_ITEM.OPPORTUNITY_ID.eq(opportunityId))
			.and(LINE_ITEM.ID.eq(id))
			.fetchOne(r -> new LineItemView(r.getId(), r.getProductType(), r.getProductId(), r.getCode(), r.getName(),
					r.getQuantity(), r.getUnitPrice(), r.getDiscount(), r.getTotal(), r.getPosition()));
	}

	/** Replaces the item's product, prices and total (its position stays). */
	void update(String tenantId, LineItemView item, OffsetDateTime now) {
		dsl.update(LINE_ITEM)
			.set(LINE_ITEM.PRODUCT_TYPE, item.productType())
			.set(LINE_ITEM.PRODUCT_ID, item.productId())
			.set(LINE_ITEM.CODE, item.code())
			.set(LINE_ITEM.NAME, item.name())
			.set(LINE_ITEM.QUANTITY, item.quantity())
			.set(LINE_ITEM.UNIT_PRICE, item.unitPrice())
			.set(LINE_ITEM.DISCOUNT, item.discount())
			.set(LINE_ITEM.TOTAL, item.total())
			.set(LINE_ITEM.UPDATED_AT, now)
			.where(LINE_ITEM.TENANT_ID.eq(tenantId))
			.and(LINE_ITEM.ID.eq(item.id()))
			.execute();
	}

	/** Deletes the item and closes the gap in the positions after it. */
	void delete(String tenantId, UUID opportunityId, LineItemView item) {

		dsl.deleteFrom(LINE_ITEM)
			.where(LINE_ITEM.TENANT_ID.eq(tenantId))
			.and(LINE_ITEM.ID.eq(item.id()))
			.execute();
		dsl.update(LINE_ITEM)
			.set(LINE_ITEM.POSITION, LINE_ITEM.POSITION.minus(1))
			.where(LINE_ITEM.TENANT_ID.eq(tenantId))
			.and(LINE_ITEM.OPPORTUNITY_ID.eq(opportunityId))
			.and(LINE_ITEM.POSITION.gt(item.position()))
			.execute();
	}
}
