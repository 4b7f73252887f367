package io.lazi.crm.account;

import static io.lazi.crm.jooq.Tables.ACCOUNT;
import static io.lazi.crm.jooq.Tables.CONTACT;
import static io.lazi.crm.jooq.Tables.CUSTOMER;
import static io.lazi.crm.jooq.Tables.LOCATION;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.noCondition;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.SortField;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;

/**
 * Reads and writes contacts; every statement is scoped to one tenant and skips soft-deleted rows. A ServiceTitan
 * contact's address, {@code active} and locations are read from the customer's facts.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ContactRepository {

	static final SortOrder SORT = new SortOrder(Map.of("name", lower(CONTACT.NAME), "createdAt", CONTACT.CREATED_AT,
			"updatedAt", CONTACT.UPDATED_AT), CONTACT.ID);

	private static final Field<String> ACCOUNT_NAME = ACCOUNT.NAME.as("account_name");

	private static final Field<Boolean> ACTIVE = coalesce(CUSTOMER.ACTIVE, inline(true)).as("customer_active");

	private final DSLContext dsl;

	void insert(String tenantId, UUID id, ContactFields f, boolean primary, String createdBy, OffsetDateTime now) {
		dsl.insertInto(CONTACT)
			.set(CONTACT.TENANT_ID, tenantId)
			.set(CONTACT.ID, id)
			.set(CONTACT.ACCOUNT_ID, f.accountId())
			.set(CONTACT.FIRST_NAME, f.firstName())
			.set(CONTACT.LAST_NAME, f.lastName())
			.set(CONTACT.NAME, f.name())
			.set(CONTACT.EMAIL, f.email())
			.set(CONTACT.PHONE, f.phone())
			.set(CONTACT.ROLE, f.role())
			.set(CONTACT.IS_PRIMARY, primary)
			.set(CONTACT.SOURCE, AccountRepository.LAZI)
			.set(CONTACT.CREATED_BY, createdBy)
			.set(CONTACT.CREATED_AT, now)
			.set(CONTACT.UPDATED_AT, now)
			.execute();
	}

	/**
	 * Replaces the editable fields when the version is {@code expected} (or any, for null), in one statement.
	 *
	 * @return the new version; null when no live contact matched (absent, or another version)
	 */
	@Nullable Integer update(String tenantId, UUID id, ContactFields f, boolean primary, @Nullable Integer expected,
			OffsetDateTime now) {
		return dsl.update(CONTACT)
			.set(CONTACT.ACCOUNT_ID, f.accountId())
			.set(CONTACT.FIRST_NAME, f.firstName())
			.set(CONTACT.LAST_NAME, f.lastName())
			.set(CONTACT.NAME, f.name())
			.set(CONTACT.EMAIL, f.email())
			.set(CONTACT.PHONE, f.phone())
			.set(CONTACT.ROLE, f.role())
			.set(CONTACT.IS_PRIMARY, primary)
			.set(CONTACT.VERSION, CONTACT.VERSION.plus(1))
			.set(CONTACT.UPDATED_AT, now)
			.where(live(tenantId, id))
			.and(expected == null ? noCondition() : CONTACT.VERSION.eq(expected))
			.returning(CONTACT.VERSION)
			.fetchOptional(CONTACT.VERSION)
			.orElse(null);
	}

	/** Soft-deletes the contact when its version is {@code expected} (or any); whether it matched. */
	boolean delete(String tenantId, UUID id, @Nullable Integer expected, OffsetDateTime now) {
		return dsl.update(CONTACT)
			.set(CONTACT.DELETED_AT, now)
			.set(CONTACT.VERSION, CONTACT.VERSION.plus(1))
			.set(CONTACT.UPDATED_AT, now)
			.where(live(tenantId, id))
			.and(expected == null ? noCondition() : CONTACT.VERSION.eq(expected))
			.execute() == 1;
	}

	/** Soft-deletes the live contacts of a deleted account. */
	void deleteOfAccount(String tenantId, UUID accountId, OffsetDateTime now) {
		dsl.update(CONTACT)
			.set(CONTACT.DELETED_AT, now)
			.set(CONTACT.VERSION, CONTACT.VERSION.plus(1))
			.set(CONTACT.UPDATED_AT, now)
			.where(CONTACT.TENANT_ID.eq(tenantId))
			.and(CONTACT.ACCOUNT_ID.eq(accountId))
			.and(CONTACT.DELETED_AT.isNull())
			.execute();
	}

	/** The account's other primary contacts are no longer primary (one primary per account). */
	void demoteOthers(String tenantId, UUID accountId, UUID primaryId, OffsetDateTime now) {
		dsl.update(CONTACT)
			.set(CONTACT.IS_PRIMARY, false)
			.set(CONTACT.VERSION, CONTACT.VERSION.plus(1))
			.set(CONTACT.UPDATED_AT, now)
			.where(CONTACT.TENANT_ID.eq(tenantId))
			.and(CONTACT.ACCOUNT_ID.eq(accountId))
			.and(CONTACT.IS_PRIMARY)
			.and(CONTACT.ID.ne(primaryId))
			.and(CONTACT.DELETED_AT.isNull())
			.execute();
	}

	boolean hasPrimary(String tenantId, UUID accountId) {
		return dsl.fetchExists(CONTACT, CONTACT.TENANT_ID.eq(tenantId)
			.and(CONTACT.ACCOUNT_ID.eq(accountId))
			.and(CONTACT.IS_PRIMARY)
			.and(CONTACT.DELETED_AT.isNull()));
	}

	/** The live contact's version and links; empty when it does not exist in the tenant. */
	Optional<Current> current(String tenantId, UUID id) {
		return dsl.select(CONTACT.VERSION, CONTACT.ACCOUNT_ID, CONTACT.ST_CUSTOMER_ID, CONTACT.IS_PRIMARY)
			.from(CONTACT)
			.where(live(tenantId, id))
			.fetchOptional(r -> new Current(r.value1(), r.value2(), r.value3(), r.value4()));
	}

	Optional<ContactView> find(String tenantId, UUID id) {
		return views(tenantId, select().where(live(tenantId, id)).fetch()).stream().findFirst();
	}

	/** The account's first {@code limit} live contacts: the primary first, then by name. */
	List<ContactView> ofAccount(String tenantId, UUID accountId, int limit) {
		return views(tenantId, select().where(CONTACT.TENANT_ID.eq(tenantId))
			.and(CONTACT.ACCOUNT_ID.eq(accountId))
			.and(CONTACT.DELETED_AT.isNull())
			.orderBy(CONTACT.IS_PRIMARY.desc(), lower(CONTACT.NAME), CONTACT.ID)
			.limit(limit)
			.fetch());
	}

	Page<ContactView> list(String tenantId, Condition filter, List<SortField<?>> order, PageRequest page) {

		var where = CONTACT.TENANT_ID.eq(tenantId).and(CONTACT.DELETED_AT.isNull()).and(filter);
		var total = dsl.fetchCount(CONTACT, where);
		var rows = select().where(where).orderBy(order).limit(page.size()).offset(page.offset()).fetch();
		return Page.of(views(tenantId, rows), page, total);
	}

	private SelectOnConditionStep<Record> select() {
		return dsl.select(CONTACT.fields())
			.select(ACCOUNT_NAME, CUSTOMER.STREET, CUSTOMER.CITY, CUSTOMER.STATE, CUSTOMER.ZIP, ACTIVE)
			.from(CONTACT)
			.join(ACCOUNT)
			.on(ACCOUNT.TENANT_ID.eq(CONTACT.TENANT_ID).and(ACCOUNT.ID.eq(CONTACT.ACCOUNT_ID)))
			.leftJoin(CUSTOMER)
			.on(CUSTOMER.TENANT_ID.eq(CONTACT.TENANT_ID).and(CUSTOMER.ST_CUSTOMER_ID.eq(CONTACT.ST_CUSTOMER_ID)));
	}

	private List<ContactView> views(String tenantId, List<Record> rows) {

		var locations = locationsOf(tenantId,
				rows.stream().map(r -> r.get(CONTACT.ST_CUSTOMER_ID)).filter(Objects::nonNull).toList());
		return rows.stream().map(r -> {
			var customer = r.get(CONTACT.ST_CUSTOMER_ID);
			return new ContactView(r.get(CONTACT.ID), r.get(CONTACT.ACCOUNT_ID), r.get(ACCOUNT_NAME), customer,
					r.get(CONTACT.NAME), r.get(CONTACT.FIRST_NAME), r.get(CONTACT.LAST_NAME), r.get(CONTACT.EMAIL),
					r.get(CONTACT.PHONE), r.get(CONTACT.ROLE), r.get(CONTACT.IS_PRIMARY), r.get(CUSTOMER.STREET),
					r.get(CUSTOMER.CITY), r.get(CUSTOMER.STATE), r.get(CUSTOMER.ZIP), r.get(ACTIVE),
					customer == null ? List.of() : locations.getOrDefault(customer, List.of()), r.get(CONTACT.SOURCE),
					r.get(CONTACT.VERSION), r.get(CONTACT.CREATED_BY), r.get(CONTACT.CREATED_AT).toInstant(),
					r.get(CONTACT.UPDATED_AT).toInstant());
		}).toList();
	}

	/** The stored locations of the customers, by customer, each in id order. */
	private Map<Long, List<LocationView>> locationsOf(String tenantId, List<Long> customerIds) {

		var byCustomer = new HashMap<Long, List<LocationView>>();
		if (customerIds.isEmpty()) {
			return byCustomer;
		}
		dsl.select(LOCATION.CUSTOMER_ID, LOCATION.ST_ID, LOCATION.NAME, LOCATION.STREET, LOCATION.CITY,
				LOCATION.STATE, LOCATION.ZIP, LOCATION.ACTIVE)
			.from(LOCATION)
			.where(LOCATION.TENANT_ID.eq(tenantId))
			.and(LOCATION.CUSTOMER_ID.in(customerIds))
			.orderBy(LOCATION.CUSTOMER_ID, LOCATION.ST_ID)
			.forEach(r -> byCustomer.computeIfAbsent(r.value1(), key -> new ArrayList<>())
				.add(new LocationView(r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
						r.value8())));
		return byCustomer;
	}

	private static Condition live(String tenantId, UUID id) {
		return CONTACT.TENANT_ID.eq(tenantId).and(CONTACT.ID.eq(id)).and(CONTACT.DELETED_AT.isNull());
	}

	/**
	 * @param stCustomerId set for the primary contact of a ServiceTitan customer's account
	 */
	record Current(int version, UUID accountId, @Nullable Long stCustomerId, boolean primary) {
	}
}
