package io.lazi.crm.lead;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lazi.crm.record.Actor;

/**
 * What a conversion creates or links that other modules own: the account and contact ({@code io.lazi.crm.account})
 * and the opportunity ({@code io.lazi.crm.deal}). All run in the conversion's transaction.
 *
 * <p>A port so that the conversion reads as what it does, whichever module owns each record
 * ({@link ModuleConversionTargets}).
 */
interface ConversionTargets {

	/** The account of the tenant's live contact {@code contactId}; empty when there is no such contact. */
	Optional<UUID> accountOfContact(String tenantId, UUID contactId);

	/** Creates a Lazi account; its id. */
	UUID createAccount(String tenantId, NewAccount account, Actor actor);

	/** Creates a Lazi contact at an account (the primary one when the account has none); its id. */
	UUID createContact(String tenantId, NewContact contact, Actor actor);

	/** Opens a manual opportunity; its id. */
	UUID openOpportunity(String tenantId, NewOpportunity opportunity, Actor actor);

	/**
	 * An account to create.
	 *
	 * @param type {@code residential} or {@code commercial}
	 */
	record NewAccount(String name, String type, @Nullable String email, @Nullable String phone,
			@Nullable String street, @Nullable String city, @Nullable String state, @Nullable String zip,
			@Nullable String ownerId) {
	}

	/** A contact to create at {@code accountId}; {@code primary} for the first contact of a new account. */
	record NewContact(UUID accountId, String name, @Nullable String email, @Nullable String phone, boolean primary) {
	}

	/**
	 * An opportunity to open, as {@code io.lazi.crm.deal.NewOpportunity} has it.
	 *
	 * @param pipeline {@code SALES} or {@code INSTALL}
	 * @param stage a stage of the pipeline; its first one when null
	 * @param amount the amount set by hand ({@code amount_manual}); null to follow line items
	 */
	record NewOpportunity(String title, String pipeline, @Nullable String stage, @Nullable UUID accountId,
			@Nullable UUID primaryContactId, @Nullable BigDecimal amount, @Nullable String ownerId,
			@Nullable UUID leadId) {
	}
}
