package io.lazi.crm.account;

import static io.lazi.crm.jooq.Tables.ACCOUNT;
import static io.lazi.crm.jooq.Tables.CONTACT;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.events.CommandOutcome;
import io.lazi.platform.events.FieldAction;
import io.lazi.platform.events.FieldCommandCompleted;

/**
 * Links the account of a converted lead to the ServiceTitan customer field-service created for it: the answer of
 * its {@code CREATE_CUSTOMER} command ({@code io.lazi.st.field-command.completed.v1} on {@code sync.events}) names the
 * account in its {@code reference} ({@value #REFERENCE}{@code <accountId>}) and carries the customer. The account and
 * its primary contact then get the customer's id, so that the customer's records arriving from ServiceTitan update
 * them instead of opening a second account. Idempotent: a redelivered answer changes nothing. When the customer's
 * records arrived first (an account of that customer exists already), the link is left out and logged: the two
 * accounts stay, for a user to merge.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CustomerLinks {

	/** The {@code reference} prefix of the commands field-service issues for converted leads' accounts. */
	public static final String REFERENCE = "crm-account:";

	private static final Logger LOG = LoggerFactory.getLogger(CustomerLinks.class);

	private final DSLContext dsl;

	/** Whether {@code completed} is the answer to a customer created for an account of the CRM. */
	public static boolean concerns(FieldCommandCompleted completed) {
		return completed.action() == FieldAction.CREATE_CUSTOMER && completed.reference() != null
				&& completed.reference().startsWith(REFERENCE);
	}

	/**
	 * Links the referenced account to the created customer; nothing for a failed command, an unknown or deleted
	 * account, an account already linked, or a customer another account has.
	 */
	@Transactional
	public void link(FieldCommandCompleted completed) {

		if (!concerns(completed) || completed.outcome() != CommandOutcome.SUCCEEDED || completed.customer() == null) {
			return;
		}
		UUID accountId;
		try {
			accountId = UUID.fromString(completed.reference().substring(REFERENCE.length()));
		}
		catch (IllegalArgumentException ex) {
			LOG.warn("Command {} names no account in its reference {}", completed.commandId(), completed.reference());
			return;
		}
		var tenant = completed.tenantId();
		var customerId = completed.customer().id();
		if (dsl.fetchExists(ACCOUNT, ACCOUNT.TENANT_ID.eq(tenant).and(ACCOUNT.ST_CUSTOMER_ID.eq(customerId)))) {
			LOG.info("ServiceTitan customer {} has an account already; account {} stays unlinked", customerId,
					accountId);
			return;
		}
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		var linked = dsl.update(ACCOUNT)
			.set(ACCOUNT.ST_CUSTOMER_ID, customerId)
			.set(ACCOUNT.VERSION, ACCOUNT.VERSION.plus(1))
			.set(ACCOUNT.UPDATED_AT, now)
			.where(ACCOUNT.TENANT_ID.eq(tenant), ACCOUNT.ID.eq(accountId), ACCOUNT.ST_CUSTOMER_ID.isNull(),
					ACCOUNT.DELETED_AT.isNull())
			.execute();
		if (linked == 0) {
			return;
		}
		// The account's primary contact stands for the customer, as a ServiceTitan customer's primary contact does.
		dsl.update(CONTACT)
			.set(CONTACT.ST_CUSTOMER_ID, customerId)
			.set(CONTACT.VERSION, CONTACT.VERSION.plus(1))
			.set(CONTACT.UPDATED_AT, now)
			.where(CONTACT.TENANT_ID.eq(tenant), CONTACT.ACCOUNT_ID.eq(accountId), CONTACT.IS_PRIMARY.isTrue(),
					CONTACT.DELETED_AT.isNull(), CONTACT.ST_CUSTOMER_ID.isNull())
			.execute();
		LOG.info("Account {} is ServiceTitan customer {} (command {})", accountId, customerId, completed.commandId());
	}
}
