package io.lazi.crm.account;

import static io.lazi.crm.jooq.Tables.ACCOUNT;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.noCondition;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SortField;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;

/** Reads and writes accounts; every statement is scoped to one tenant and skips soft-deleted rows. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AccountRepository {

	static final SortOrder SORT = new SortOrder(Map.of("name", lower(ACCOUNT.NAME), "type", ACCOUNT.TYPE, "createdAt",
			ACCOUNT.CREATED_AT, "updatedAt", ACCOUNT.UPDATED_AT), ACCOUNT.ID);

	static final String LAZI = "lazi";

	private final DSLContext dsl;

	void insert(String tenantId, UUID id, AccountFields f, String createdBy, OffsetDateTime now) {
		dsl.insertInto(ACCOUNT)
			.set(ACCOUNT.TENANT_ID, tenantId)
			.set(ACCOUNT.ID, id)
			.set(ACCOUNT.NAME, f.name())
			.set(ACCOUNT.TYPE, f.type())
			.set(ACCOUNT.INDUSTRY, f.industry())
			.set(ACCOUNT.REGION, f.region())
			.set(ACCOUNT.OWNER_ID, f.ownerId())
			.set(ACCOUNT.PARENT_ID, f.parentId())
			.set(ACCOUNT.EMAIL, f.email())
			.set(ACCOUNT.PHONE, f.phone())
			.set(ACCOUNT.STREET, f.street())
			.set(ACCOUNT.CITY, f.city())
			.set(ACCOUNT.STATE, f.state())
			.set(ACCOUNT.ZIP, f.zip())
			.set(ACCOUNT.SOURCE, LAZI)
			.set(ACCOUNT.CREATED_BY, createdBy)
			.set(ACCOUNT.CREATED_AT, now)
			.set(ACCOUNT.UPDATED_AT, now)
			.execute();
	}

	/**
	 * Replaces the editable fields and counts the version up, when the version is {@code expected} (or any, for
	 * null): the check and the write are one statement.
	 *
	 * @return the new version; null when no live account matched (absent, or another version)
	 */
	@Nullable Integer update(String tenantId, UUID id, AccountFields f, @Nullable Integer expected, OffsetDateTime now) {
		return dsl.update(ACCOUNT)
			.set(ACCOUNT.NAME, f.name())
			.set(ACCOUNT.TYPE, f.type())
			.set(ACCOUNT.INDUSTRY, f.industry())
			.set(ACCOUNT.REGION, f.region())
			.set(ACCOUNT.OWNER_ID, f.ownerId())
			.set(ACCOUNT.PARENT_ID, f.parentId())
			.set(ACCOUNT.EMAIL, f.email())
			.set(ACCOUNT.PHONE, f.phone())
			.set(ACCOUNT.STREET, f.street())
			.set(ACCOUNT.CITY, f.city())
			.set(ACCOUNT.STATE, f.state())
			.set(ACCOUNT.ZIP, f.zip())
			.set(ACCOUNT.VERSION, ACCOUNT.VERSION.plus(1))
			.set(ACCOUNT.UPDATED_AT, now)
			.where(live(tenantId, id))
			.and(expected == null ? noCondition() : ACCOUNT.VERSION.eq(expected))
			.returning(ACCOUNT.VERSION)
			.fetchOptional(ACCOUNT.VERSION)
			.orElse(null);
	}

	/**
	 * Soft-deletes the account when its version is {@code expected} (or any, for null).
	 *
	 * @return whether it matched
	 */
	boolean delete(String tenantId, UUID id, @Nullable Integer expected, OffsetDateTime now) {
		return dsl.update(ACCOUNT)
			.set(ACCOUNT.DELETED_AT, now)
			.set(ACCOUNT.VERSION, ACCOUNT.VERSION.plus(1))
			.set(ACCOUNT.UPDATED_AT, now)
			.where(live(tenantId, id))
			.and(expected == null ? noCondition() : ACCOUNT.VERSION.eq(expected))
			.execute() == 1;
	}

	/** The live account's version and ServiceTitan customer; empty when it does not exist in the tenant. */
	Optional<Current> current(String tenantId, UUID id) {
		return dsl.select(ACCOUNT.VERSION, ACCOUNT.ST_CUSTOMER_ID)
			.from(ACCOUNT)
			.where(live(tenantId, id))
			.fetchOptional(r -> new Current(r.value1(), r.value2()));
	}

	/** Like {@link #current}, holding the row's lock until the transaction ends. */
	Optional<Current> lock(String tenantId, UUID id) {
		return dsl.select(ACCOUNT.VERSION, ACCOUNT.ST_CUSTOMER_ID)
			.from(ACCOUNT)
			.where(live(tenantId, id))
			.forUpdate()
			.fetchOptional(r -> new Current(r.value1(), r.value2()));
	}

	/**
	 * Serializes changes of the tenant's hierarchy (parents set, accounts deleted), so that two of them cannot
	 * together make a cycle or leave a child under a deleted account. Its own key space (two keys), apart from the
	 * pipeline's one-key customer locks.
	 */
	void lockTree(String tenantId) {
		dsl.resultQuery("select pg_advisory_xact_lock(hashtext('crm.account-tree'), hashtext(?))", tenantId).fetch();
	}

	/** Whether {@code candidate} is {@code id} or lies below it (a child, a child's child…). */
	boolean isAtOrBelow(String tenantId, UUID id, UUID candidate) {
		return dsl.fetchSingle("""
				with recursive below(id) as (
					select cast(? as uuid)
					union
					select a.id from account a join below b on a.parent_id = b.id where a.tenant_id = ?
				)
				select exists (select 1 from below where id = ?)""", id, tenantId, candidate).get(0, Boolean.class);
	}

	boolean hasLiveChildren(String tenantId, UUID id) {
		return dsl.fetchExists(ACCOUNT,
				ACCOUNT.TENANT_ID.eq(tenantId).and(ACCOUNT.PARENT_ID.eq(id)).and(ACCOUNT.DELETED_AT.isNull()));
	}

	Optional<AccountView> find(String tenantId, UUID id) {
		return dsl.selectFrom(ACCOUNT).where(live(tenantId, id)).fetchOptional(AccountRepository::view);
	}

	Page<AccountView> list(String tenantId, Condition filter, List<SortField<?>> order, PageRequest page) {

		var where = ACCOUNT.TENANT_ID.eq(tenantId).and(ACCOUNT.DELETED_AT.isNull()).and(filter);
		var total = dsl.fetchCount(ACCOUNT, where);
		var items = dsl.selectFrom(ACCOUNT)
			.where(where)
			.orderBy(order)
			.limit(page.size())
			.offset(page.offset())
			.fetch(AccountRepository::view);
		return Page.of(items, page, total);
	}

	private static Condition live(String tenantId, UUID id) {
		return ACCOUNT.TENANT_ID.eq(tenantId).and(ACCOUNT.ID.eq(id)).and(ACCOUNT.DELETED_AT.isNull());
	}

	private static AccountView view(Record r) {
		return new AccountView(r.get(ACCOUNT.ID), r.get(ACCOUNT.NAME), r.get(ACCOUNT.TYPE), r.get(ACCOUNT.INDUSTRY),
				r.get(ACCOUNT.REGION), r.get(ACCOUNT.OWNER_ID), r.get(ACCOUNT.PARENT_ID), r.get(ACCOUNT.ST_CUSTOMER_ID),
				r.get(ACCOUNT.EMAIL), r.get(ACCOUNT.PHONE), r.get(ACCOUNT.STREET), r.get(ACCOUNT.CITY),
				r.get(ACCOUNT.STATE), r.get(ACCOUNT.ZIP), r.get(ACCOUNT.SOURCE), r.get(ACCOUNT.VERSION),
				r.get(ACCOUNT.CREATED_BY), r.get(ACCOUNT.CREATED_AT).toInstant(), r.get(ACCOUNT.UPDATED_AT).toInstant(),
				null);
	}

	/**
	 * @param stCustomerId set for a ServiceTitan customer's account
	 */
	record Current(int version, @Nullable Long stCustomerId) {
	}
}
