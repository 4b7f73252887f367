package io.lazi.crm.account;

import java.util.Collection;
import java.util.Objects;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.lazi.crm.pipeline.CustomersApplied;
import io.lazi.crm.pipeline.StagesEntered;

/**
 * Keeps every ServiceTitan customer the pipeline stores as an account (source {@code servicetitan}) with one primary
 * contact, equal to the customer's facts, in the transaction that stored them: set-based, a statement per table
 * however many customers. A stored copy is replaced only by a customer fact written at or after the account's or
 * contact's last change, so a user's edit stands until ServiceTitan's customer changes again; unchanged rows are
 * not written (their version stays). Opportunities of those customers get their account.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CustomerAccounts {

	/** Customers' type (Residential, Commercial) as the account's; residential when ServiceTitan names none. */
	private static final String UPSERT_ACCOUNTS = """
			insert into account as a (tenant_id, id, name, type, st_customer_id, email, phone, street, city, state, zip,
				source, created_by, created_at, updated_at)
			select c.tenant_id, gen_random_uuid(), c.name,
				case when lower(c.type) = 'commercial' then 'commercial' else 'residential' end, c.st_customer_id,
				c.email, c.phone, c.street, c.city, c.state, c.zip, 'servicetitan', 'servicetitan', c.updated_at,
				c.updated_at
			from unnest(?::bigint[]) w(id)
			join customer c on c.tenant_id = ? and c.st_customer_id = w.id
			order by c.st_customer_id
			on conflict (tenant_id, st_customer_id) do update set
				name = excluded.name, type = excluded.type, email = excluded.email, phone = excluded.phone,
				street = excluded.street, city = excluded.city, state = excluded.state, zip = excluded.zip,
				version = a.version + 1, updated_at = excluded.updated_at
			where excluded.updated_at >= a.updated_at
				and (a.name, a.type, a.email, a.phone, a.street, a.city, a.state, a.zip)
					is distinct from (excluded.name, excluded.type, excluded.email, excluded.phone, excluded.street,
						excluded.city, excluded.state, excluded.zip)""";

	/**
	 * The primary contact's id is the customer fact's ({@code FactRepository.contactId}: derived from tenant and
	 * customer), the id the per-customer contact list answered with before contacts were records.
	 */
	private static final String UPSERT_CONTACTS = """
			insert into contact as k (tenant_id, id, account_id, name, email, phone, is_primary, st_customer_id, source,
				created_by, created_at, updated_at)
			select c.tenant_id, c.id, a.id, c.name, c.email, c.phone, true, c.st_customer_id, 'servicetitan',
				'servicetitan', c.updated_at, c.updated_at
			from unnest(?::bigint[]) w(id)
			join customer c on c.tenant_id = ? and c.st_customer_id = w.id
			join account a on a.tenant_id = c.tenant_id and a.st_customer_id = c.st_customer_id
			order by c.st_customer_id
			on conflict (tenant_id, st_customer_id) where st_customer_id is not null do update set
				name = excluded.name, email = excluded.email, phone = excluded.phone, version = k.version + 1,
				updated_at = excluded.updated_at
			where excluded.updated_at >= k.updated_at
				and (k.name, k.email, k.phone) is distinct from (excluded.name, excluded.email, excluded.phone)""";

	private static final String LINK_OPPORTUNITIES = """
			update opportunity o set account_id = a.id
			from unnest(?::bigint[]) w(id), account a
			where o.tenant_id = ? and o.st_customer_id = w.id and o.account_id is null
				and a.tenant_id = o.tenant_id and a.st_customer_id = o.st_customer_id""";

	private final DSLContext dsl;

	/** Accounts and primary contacts of the customers, then their opportunities' account. */
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(CustomersApplied applied) {

		var ids = ids(applied.stCustomerIds());
		if (ids.length == 0) {
			return;
		}
		dsl.execute(UPSERT_ACCOUNTS, ids, applied.tenantId());
		dsl.execute(UPSERT_CONTACTS, ids, applied.tenantId());
		dsl.execute(LINK_OPPORTUNITIES, ids, applied.tenantId());
	}

	/**
	 * Opportunities the pipeline has just opened (after announcing their customers) get their customer's account,
	 * before other features (install projects) read it.
	 */
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(StagesEntered entered) {

		var ids = ids(entered.moves()
			.stream()
			.filter(m -> m.from() == null)
			.map(StagesEntered.Entered::stCustomerId)
			.filter(Objects::nonNull)
			.toList());
		if (ids.length > 0) {
			dsl.execute(LINK_OPPORTUNITIES, ids, entered.tenantId());
		}
	}

	private static Long[] ids(Collection<Long> ids) {
		return ids.stream().distinct().sorted().toArray(Long[]::new);
	}
}
