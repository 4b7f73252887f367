package io.lazi.crm.account;

import static io.lazi.crm.jooq.Tables.CONTACT;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.regexpReplaceAll;

import java.util.Locale;
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
 * The people at the tenant's accounts. Each ServiceTitan customer's account has one primary contact kept from the
 * customer (source {@code servicetitan}): its name, email and phone are ServiceTitan's (a user's edit stands until
 * the customer next changes in ServiceTitan), it stays the primary contact of its account and cannot be deleted.
 * An account has at most one primary contact. Every method joins the caller's transaction, or opens one.
 * Thread-safe.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Contacts {

	private final ContactRepository contacts;

	private final AccountRepository accounts;

	/**
	 * Adds a contact in Lazi (source {@code lazi}) to an account, in the caller's transaction; it becomes the
	 * account's primary contact when the account has none.
	 *
	 * @return the new contact's id
	 * @throws InvalidInputException naming the field: {@code accountId … does not exist}, name missing or too long,
	 *         malformed email or phone
	 */
	public UUID create(String tenantId, NewContact contact, Actor actor) {
		return insert(tenantId, new ContactInput(contact.accountId(), null, null, contact.name(), contact.email(),
				contact.phone(), contact.role(), null), actor);
	}

	/**
	 * Adds a contact in Lazi to an account.
	 *
	 * @throws InvalidInputException naming the field (see {@link ContactInput})
	 * @throws ConflictException naming {@code primary} when it asks to be primary at a ServiceTitan customer's
	 *         account, whose primary contact is the customer
	 */
	public ContactView create(Tenant tenant, ContactInput input, Actor actor) {
		return get(tenant, insert(tenant.id(), input, actor));
	}

	/**
	 * The live contact.
	 *
	 * @throws ResourceNotFoundException when the tenant has no such live contact
	 */
	@Transactional(readOnly = true)
	public ContactView get(Tenant tenant, UUID id) {
		return contacts.find(tenant.id(), id).orElseThrow(() -> notFound(id));
	}

	/**
	 * A page of live contacts.
	 *
	 * @param sort {@code name}, {@code createdAt} or {@code updatedAt}, optionally {@code ,asc} or {@code ,desc};
	 *        null: newest first
	 * @throws InvalidInputException naming {@code sort}
	 */
	@Transactional(readOnly = true)
	public Page<ContactView> list(Tenant tenant, ContactFilter filter, @Nullable String sort, PageRequest page) {
		return contacts.list(tenant.id(), filter(filter), ContactRepository.SORT.parse(sort), page);
	}

	/**
	 * Replaces the contact's editable fields and counts its version up.
	 *
	 * @param expected the version {@code If-Match} named, or null to replace whatever is current
	 * @throws ResourceNotFoundException when the tenant has no such live contact
	 * @throws InvalidInputException naming the field
	 * @throws ConflictException naming {@code accountId} or {@code primary} when a ServiceTitan customer's contact
	 *         would leave its account or stop being its primary contact, or another contact would become primary at
	 *         a ServiceTitan customer's account
	 * @throws PreconditionFailedException when the contact's version is not {@code expected}
	 */
	public ContactView update(Tenant tenant, UUID id, ContactInput input, @Nullable Integer expected, Actor actor) {

		var current = contacts.current(tenant.id(), id).orElseThrow(() -> notFound(id));
		var fields = ContactFields.of(input, current.accountId());
		var account = lockAccount(tenant.id(), fields.accountId());
		if (current.stCustomerId() != null) {
			if (!fields.accountId().equals(current.accountId())) {
				throw new ConflictException("accountId",
						"the contact of a ServiceTitan customer stays at the customer's account");
			}
			if (Boolean.FALSE.equals(input.primary())) {
				throw new ConflictException("primary",
						"the contact of a ServiceTitan customer stays its account's primary contact");
			}
		}
		var primary = input.primary() != null ? input.primary()
				: current.primary() && fields.accountId().equals(current.accountId());
		if (primary && current.stCustomerId() == null) {
			refuseSecondPrimary(account);
		}
		var now = Times.now();
		if (contacts.update(tenant.id(), id, fields, primary, expected, now) == null) {
			var latest = contacts.current(tenant.id(), id).orElseThrow(() -> notFound(id));
			Versions.check("Contact " + id, expected, latest.version());
			throw new IllegalStateException("Contact " + id + " matched no row at version " + latest.version());
		}
		if (primary) {
			contacts.demoteOthers(tenant.id(), fields.accountId(), id, now);
		}
		return get(tenant, id);
	}

	/**
	 * Soft-deletes the contact.
	 *
	 * @throws ResourceNotFoundException when the tenant has no such live contact
	 * @throws ConflictException when it is a ServiceTitan customer's contact
	 * @throws PreconditionFailedException when the contact's version is not {@code expected}
	 */
	public void delete(Tenant tenant, UUID id, @Nullable Integer expected) {

		var current = contacts.current(tenant.id(), id).orElseThrow(() -> notFound(id));
		if (current.stCustomerId() != null) {
			throw new ConflictException("id", "the contact of ServiceTitan customer " + current.stCustomerId()
					+ " is kept from ServiceTitan and cannot be deleted");
		}
		if (!contacts.delete(tenant.id(), id, expected, Times.now())) {
			var latest = contacts.current(tenant.id(), id).orElseThrow(() -> notFound(id));
			Versions.check("Contact " + id, expected, latest.version());
			throw new IllegalStateException("Contact " + id + " matched no row at version " + latest.version());
		}
	}

	private UUID insert(String tenantId, ContactInput input, Actor actor) {

		var fields = ContactFields.of(input, null);
		var account = lockAccount(tenantId, fields.accountId());
		boolean primary;
		if (input.primary() == null) {
			primary = !contacts.hasPrimary(tenantId, fields.accountId());
		}
		else {
			primary = input.primary();
			if (primary) {
				refuseSecondPrimary(account);
			}
		}
		var id = UUID.randomUUID();
		var now = Times.now();
		contacts.insert(tenantId, id, fields, primary, actor.id(), now);
		if (primary) {
			contacts.demoteOthers(tenantId, fields.accountId(), id, now);
		}
		return id;
	}

	/** The account's row lock: contacts of one account change one after the other (one primary). */
	private AccountRepository.Current lockAccount(String tenantId, UUID accountId) {
		return accounts.lock(tenantId, accountId)
			.orElseThrow(() -> new InvalidInputException("accountId", "account " + accountId + " does not exist"));
	}

	private static void refuseSecondPrimary(AccountRepository.Current account) {
		if (account.stCustomerId() != null) {
			throw new ConflictException("primary", "the primary contact of ServiceTitan customer "
					+ account.stCustomerId() + "'s account is the customer's own contact");
		}
	}

	/**
	 * Words matching word starts ({@code search} column), or text within the name or email, or 3+ digits within
	 * the phone number: what {@code GET /api/crm/contacts?search=} matched before contacts were records, never
	 * refused (text without a word, e.g. {@code @}, is only looked for within names and emails).
	 */
	private static Condition filter(ContactFilter filter) {

		var where = noCondition();
		var q = filter.q();
		if (q != null && !q.isBlank()) {
			var text = "%" + escape(q.strip().toLowerCase(Locale.ROOT)) + "%";
			var digits = q.replaceAll("\\D", "");
			var match = lower(CONTACT.NAME).like(text, '!').or(lower(CONTACT.EMAIL).like(text, '!'));
			if (SearchText.hasWords(q)) {
				match = match.or(SearchText.matches(CONTACT.SEARCH, q, "q"));
			}
			where = digits.length() < 3 ? match
					: match.or(regexpReplaceAll(CONTACT.PHONE, "\\D", "").like("%" + digits + "%"));
		}
		if (filter.accountId() != null) {
			where = where.and(CONTACT.ACCOUNT_ID.eq(filter.accountId()));
		}
		if (filter.stCustomerId() != null) {
			where = where.and(CONTACT.ST_CUSTOMER_ID.eq(filter.stCustomerId()));
		}
		return where;
	}

	private static String escape(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	private static ResourceNotFoundException notFound(UUID id) {
		return new ResourceNotFoundException("Contact", id);
	}
}
