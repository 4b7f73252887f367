package io.lazi.crm.lead;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.crm.lead.ConversionTargets.NewAccount;
import io.lazi.crm.lead.ConversionTargets.NewContact;
import io.lazi.crm.lead.ConversionTargets.NewOpportunity;
import io.lazi.crm.record.Actor;
import io.lazi.crm.record.RecordType;
import io.lazi.crm.record.RelatedRecords;
import io.lazi.platform.web.ConflictException;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.platform.web.Tenant;

/**
 * Converts a lead, once: in one transaction, under the lead row's lock, it creates (or links the given) account and
 * contact, opens an opportunity in the first stage of the Sales (or Install) pipeline, marks the lead converted with
 * the three ids and announces {@code crm.lead-converted}. A second conversion, also one racing the first, waits for
 * the lock and is refused (409). Thread-safe.
 *
 * <p>The tenant's customer is not created in ServiceTitan here: where ServiceTitan serves the customers domain,
 * the provider (field-service) is to do that from {@code crm.lead-converted}.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class LeadConversions {

	private static final BigDecimal AMOUNT_LIMIT = new BigDecimal("1000000000000");

	private final LeadRepository leads;

	private final ConversionTargets targets;

	private final RelatedRecords related;

	private final LeadEvents events;

	/**
	 * Converts the lead {@code id} as {@code actor}.
	 *
	 * <p>Account: {@code accountId}, else the account of {@code contactId}, else a new one: commercial named after
	 * the lead's company when it has one, residential named after the lead otherwise, with the lead's address (and
	 * for a residential one its email and phone). Contact: {@code contactId}, else a new one at the account with the
	 * lead's name, email and phone (primary when the account is new). Opportunity: titled {@code opportunityTitle}
	 * or the lead's name, an amount set by hand when {@code amount} is given (else it follows its line items),
	 * owned by the lead's owner or the user.
	 *
	 * @return the lead, converted
	 * @throws InvalidInputException naming {@code pipeline}, {@code amount} or {@code opportunityTitle} when invalid,
	 *         {@code accountId} or {@code contactId} when no such live record exists in the tenant, or
	 *         {@code contactId} when the contact is not at {@code accountId}
	 * @throws ResourceNotFoundException when the tenant has no such live lead
	 * @throws ConflictException naming {@code status} when the lead is already converted
	 */
	@Transactional
	public LeadView convert(Tenant tenant, UUID id, ConversionRequest request, Actor actor) {

		var pipeline = pipeline(request.pipeline());
		var title = LeadFields.text(request.opportunityTitle(), "opportunityTitle", LeadFields.NAME_LENGTH);
		var amount = request.amount();
		if (amount != null && (amount.signum() < 0 || amount.compareTo(AMOUNT_LIMIT) >= 0
				|| amount.stripTrailingZeros().scale() > 2)) {
			throw new InvalidInputException("amount", "must be between 0 and 999999999999.99, at most two decimals");
		}
		var lead = leads.lock(tenant.id(), id).orElseThrow(() -> Leads.notFound(id));
		if (LeadStatus.CONVERTED.wire().equals(lead.status())) {
			throw new ConflictException("status", "Lead " + id + " is already converted");
		}
		var accountId = linkedAccount(tenant, request.accountId(), request.contactId());
		var accountCreated = accountId == null;
		var owner = lead.ownerId() == null ? actor.id() : lead.ownerId();
		if (accountId == null) {
			accountId = targets.createAccount(tenant.id(), newAccount(lead, owner), actor);
		}
		var contactId = request.contactId();
		var contactCreated = contactId == null;
		if (contactId == null) {
			contactId = targets.createContact(tenant.id(),
					new NewContact(accountId, lead.name(), lead.email(), lead.phone(), accountCreated), actor);
		}
		var opportunityId = targets.openOpportunity(tenant.id(),
				new NewOpportunity(title == null ? lead.name() : title, pipeline, null, accountId, contactId,
						amount, owner, lead.id()),
				actor);
		var converted = leads.markConverted(tenant.id(), id, accountId, contactId, opportunityId, actor.id(),
				Leads.now());
		events.converted(tenant.id(), converted, pipeline, accountCreated, contactCreated);
		return converted;
	}

	/** The account to link: the given one, else the given contact's; null to create one. */
	private @Nullable UUID linkedAccount(Tenant tenant, @Nullable UUID accountId, @Nullable UUID contactId) {

		if (accountId != null) {
			related.require(tenant.id(), RecordType.ACCOUNT, accountId, "accountId");
		}
		if (contactId == null) {
			return accountId;
		}
		var contactAccount = targets.accountOfContact(tenant.id(), contactId)
			.orElseThrow(() -> new InvalidInputException("contactId", "contact " + contactId + " does not exist"));
		if (accountId != null && !accountId.equals(contactAccount)) {
			throw new InvalidInputException("contactId", "contact " + contactId + " is not at account " + accountId);
		}
		return contactAccount;
	}

	private static NewAccount newAccount(LeadView lead, String owner) {

		var company = lead.company();
		return company == null
				? new NewAccount(lead.name(), "residential", lead.email(), lead.phone(), lead.street(), lead.city(),
						lead.state(), lead.zip(), owner)
				: new NewAccount(company, "commercial", null, null, lead.street(), lead.city(), lead.state(),
						lead.zip(), owner);
	}

	/** {@code SALES} (default) or {@code INSTALL}, case-insensitive. */
	private static String pipeline(@Nullable String value) {

		if (value == null || value.isBlank()) {
			return "SALES";
		}
		var name = value.trim().toUpperCase(Locale.ROOT);
		if (!name.equals("SALES") && !name.equals("INSTALL")) {
			throw new InvalidInputException("pipeline", "must be SALES or INSTALL");
		}
		return name;
	}
}
