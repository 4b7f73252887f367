package io.lazi.crm.deal;

import static io.lazi.crm.jooq.Tables.PRODUCT;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.val;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;

/** The {@code product} snapshot: set-based upserts where the newest {@code modifiedOn} wins, and reads. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProductRepository {

	/**
	 * One statement per batch, a column per array. A stored product is replaced only by a record modified at the
	 * same time or later; a record without {@code modifiedOn} never replaces one that has it (it cannot prove to be
	 * newer).
	 */
	private static final String UPSERT = """
			insert into product as p (tenant_id, type, st_id, code, name, description, price, active, modified_on,
				updated_at)
			select ?::text, u.type, u.st_id, u.code, u.name, u.description, u.price, u.active, u.modified_on, ?::timestamptz
			from unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::numeric[], ?::boolean[],
				?::timestamptz[]) as u(type, st_id, code, name, description, price, active, modified_on)
			on conflict (tenant_id, type, st_id) do update set
				code = excluded.code, name = excluded.name, description = excluded.description, price = excluded.price,
				active = excluded.active, modified_on = excluded.modified_on, updated_at = excluded.updated_at
			where p.modified_on is null or excluded.modified_on >= p.modified_on""";

	private final DSLContext dsl;

	/** Stores {@code products} (at most one per type and id) of the tenant. */
	void upsert(String tenantId, List<Product> products, OffsetDateTime now) {

		if (products.isEmpty()) {
			return;
		}
		var size = products.size();
		var types = new String[size];
		var ids = new Long[size];
		var codes = new String[size];
		var names = new String[size];
		var descriptions = new String[size];
		var prices = new BigDecimal[size];
		var active = new Boolean[size];
		var modified = new OffsetDateTime[size];
		for (var i = 0; i < size; i++) {
			var p = products.get(i);
			types[i] = p.type().wire();
			ids[i] = p.stId();
			codes[i] = p.code();
			names[i] = p.name();
			descriptions[i] = p.description();
			prices[i] = p.price();
			active[i] = p.active();
			modified[i] = p.modifiedOn() == null ? null : p.modifiedOn().atOffset(ZoneOffset.UTC);
		}
		dsl.execute(UPSERT, tenantId, now, types, ids, codes, names, descriptions, prices, active, modified);
	}

	/** The tenant's product of {@code type} with ServiceTitan id {@code stId}; {@code null} when not known. */
	@Nullable ProductView find(String tenantId, ProductType type, long stId) {
		return dsl.selectFrom(PRODUCT)
			.where(PRODUCT.TENANT_ID.eq(tenantId))
			.and(PRODUCT.TYPE.eq(type.wire()))
			.and(PRODUCT.ST_ID.eq(stId))
			.fetchOne(ProductRepository::view);
	}

	/** Products matching the {@code tsquery} (when given) and type, by name. */
	Page<ProductView> list(String tenantId, @Nullable String tsquery, @Nullable ProductType type,
			@Nullable Boolean active, PageRequest page) {

		var where = PRODUCT.TENANT_ID.eq(tenantId)
			.and(tsquery == null ? noCondition()
					: condition("{0} @@ to_tsquery('simple', {1})", PRODUCT.SEARCH, val(tsquery)))
			.and(type == null ? noCondition() : PRODUCT.TYPE.eq(type.wire()))
			.and(active == null ? noCondition() : PRODUCT.ACTIVE.eq(active));
		var total = dsl.fetchCount(PRODUCT, where);
		var items = dsl.selectFrom(PRODUCT)
			.where(where)
			.orderBy(PRODUCT.NAME, PRODUCT.TYPE, PRODUCT.ST_ID)
			.limit(page.size())
			.offset(page.offset())
			.fetch(ProductRepository::view);
		return Page.of(items, page, total);
	}

	private static ProductView view(Record r) {

		var modified = r.get(PRODUCT.MODIFIED_ON);
		return new ProductView(r.get(PRODUCT.TYPE), r.get(PRODUCT.ST_ID), r.get(PRODUCT.CODE), r.get(PRODUCT.NAME),
				r.get(PRODUCT.DESCRIPTION), r.get(PRODUCT.PRICE), r.get(PRODUCT.ACTIVE),
				modified == null ? null : modified.toInstant());
	}

	/** A product as a raw ServiceTitan record describes it. */
	record Product(ProductType type, long stId, @Nullable String code, String name, @Nullable String description,
			BigDecimal price, boolean active, @Nullable Instant modifiedOn) {
	}
}
