package io.lazi.crm.account;

import static io.lazi.crm.jooq.Tables.ACCOUNT;
import static org.jooq.impl.DSL.noCondition;

import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.Condition;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.crm.record.Actor;
import io.lazi.crm.record.Times;
import io.lazi.crm.record.Versions;
import io.lazi.platform.web.ConflictException;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.PreconditionFailedException;
import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.platform.web.Tenant;

/**
 * The tenant's accounts: households and businesses, in a hierarchy through {@code parentId}. ServiceTitan customers'
 * accounts are kept by this module from the pipeline's customer facts; their name, type, email, phone and address
 * are ServiceTitan's (a user's edit of them stands until the customer next changes in ServiceTitan), and they cannot
 * be deleted. Every method joins the caller's transaction, or opens one. Thread-safe.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Accounts {

	/** Contacts shown with one account. */
	static final int CONTACTS_SHOWN = 50;

	private final AccountRepository accounts;

	private final ContactRepository contacts;

	/**
	 * Opens an account in Lazi (source {@code lazi}), in the caller's transaction.
	 *
	 * @return the new account's id
	 * @throws InvalidInputException naming the field: name missing or too long, unknown type, malformed email or phone
	 */
	public UUID create(String tenantId, NewAccount account, Actor actor) {
		return insert(tenantId, new AccountInput(account.name(), account.type(), null, null, account.ownerId(), null,
				account.email(), account.phone(), account.street(), account.city(), account.state(), account.zip()),
				actor);
	}

	/**
	 * Opens an account in Lazi; the owner is the acting user unless {@code input} names one.
	 *
	 * @throws InvalidInputException naming the field (see {@link AccountInput}; {@code parentId … does not exist})
	 */
	public AccountView create(Tenant tenant, AccountInput input, Actor actor) {
		return get(tenant, insert(tenant.id(), input, actor));
	}

	/**
	 * The live account with its first {@value #CONTACTS_SHOWN} contacts.
	 *
	 * @throws ResourceNotFoundException when the tenant has no such live account
	 */
	@Transactional(readOnly = true)
	public AccountView get(Tenant tenant, UUID id) {
		var account = accounts.find(tenant.id(), id).orElseThrow(() -> notFound(id));
		return account.withContacts(contacts.ofAccount(tenant.id(), id, CONTACTS_SHOWN));
	}

	/**
	 * A page of live accounts.
	 *
	 * @param sort {@code name}, {@code type}, {@code createdAt} or {@code updatedAt}, optionally {@code ,asc} or
	 *        {@code ,desc}; null: newest first
	 * @throws InvalidInputException naming {@code q}, {@code type} or {@code sort}
	 */
	@Transactional(readOnly = true)
	public Page<AccountView> list(Tenant tenant, AccountFilter filter, @Nullable String sort, PageRequest page) {
		return accounts.list(tenant.id(), filter(filter), AccountRepository.SORT.parse(sort), page);
	}

	/**
	 * Replaces the account's editable fields and counts its version up.
	 *
	 * @param expected the version {@code If-Match} named, or null to replace whatever is current
	 * @throws ResourceNotFoundException when the tenant has no such live account
	 * @throws InvalidInputException naming the field; {@code parentId} when it is missing, this account or below it
	 * @throws PreconditionFailedException when the account's version is not {@code expected}
	 */
	public AccountView update(Tenant tenant, UUID id, AccountInput input, @Nullable Integer expected, Actor actor) {

		var fields = AccountFields.of(input);
		accounts.current(tenant.id(), id).orElseThrow(() -> notFound(id));
		if (fields.parentId() != null) {
			accounts.lockTree(tenant.id());
			requireParent(tenant.id(), fields.parentId());
			if (accounts.isAtOrBelow(tenant.id(), id, fields.parentId())) {
				throw new InvalidInputException("parentId", "must be neither the account itself nor an account below it");
			}
		}
		if (accounts.update(tenant.id(), id, fields, expected, Times.now()) == null) {
			refuse(tenant.id(), id, expected);
		}
		return get(tenant, id);
	}

	/**
	 * Soft-deletes the account and its contacts.
	 *
	 * @throws ResourceNotFoundException when the tenant has no such live account
	 * @throws ConflictException when it is a ServiceTitan customer's account, or has live child accounts
	 * @throws PreconditionFailedException when the account's version is not {@code expected}
	 */
	public void delete(Tenant tenant, UUID id, @Nullable Integer expected) {

		accounts.lockTree(tenant.id());
		var current = accounts.current(tenant.id(), id).orElseThrow(() -> notFound(id));
		if (current.stCustomerId() != null) {
			throw new ConflictException("id", "the account of ServiceTitan customer " + current.stCustomerId()
					+ " is kept from ServiceTitan and cannot be deleted");
		}
		if (accounts.hasLiveChildren(tenant.id(), id)) {
			throw new ConflictException("id", "the account has child accounts: move or delete them first");
		}
		var now = Times.now();
		if (!accounts.delete(tenant.id(), id, expected, now)) {
			refuse(tenant.id(), id, expected);
		}
		contacts.deleteOfAccount(tenant.id(), id, now);
	}

	private UUID insert(String tenantId, AccountInput input, Actor actor) {

		var fields = AccountFields.of(input);
		if (fields.ownerId() == null) {
			fields = fields.ownedBy(actor.id());
		}
		if (fields.parentId() != null) {
			accounts.lockTree(tenantId);
			requireParent(tenantId, fields.parentId());
		}
		var id = UUID.randomUUID();
		accounts.insert(tenantId, id, fields, actor.id(), Times.now());
		return id;
	}

	private void requireParent(String tenantId, UUID parentId) {
		if (accounts.current(tenantId, parentId).isEmpty()) {
			throw new InvalidInputException("parentId", "account " + parentId + " does not exist");
		}
	}

	/** Why an update or delete guarded by a version matched no row: gone (404) or changed (412). */
	private void refuse(String tenantId, UUID id, @Nullable Integer expected) {
		var current = accounts.current(tenantId, id).orElseThrow(() -> notFound(id));
		Versions.check("Account " + id, expected, current.version());
		throw new IllegalStateException("Account " + id + " matched no row at version " + current.version());
	}

	private static Condition filter(AccountFilter filter) {

		var where = noCondition();
		if (filter.q() != null && !filter.q().isBlank()) {
			where = where.and(SearchText.matches(ACCOUNT.SEARCH, filter.q(), "q"));
		}
		if (filter.type() != null) {
			where = where.and(ACCOUNT.TYPE.eq(Inputs.oneOf(filter.type(), "type", AccountFields.RESIDENTIAL,
					AccountFields.RESIDENTIAL, AccountFields.COMMERCIAL)));
		}
		if (filter.ownerId() != null) {
			where = where.and(ACCOUNT.OWNER_ID.eq(filter.ownerId()));
		}
		if (filter.parentId() != null) {
			where = where.and(ACCOUNT.PARENT_ID.eq(filter.parentId()));
		}
		if (filter.stCustomerId() != null) {
			where = where.and(ACCOUNT.ST_CUSTOMER_ID.eq(filter.stCustomerId()));
		}
		return where;
	}

	private static ResourceNotFoundException notFound(UUID id) {
		return new ResourceNotFoundException("Account", id);
	}

}
