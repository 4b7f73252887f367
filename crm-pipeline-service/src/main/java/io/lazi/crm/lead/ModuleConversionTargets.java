package io.lazi.crm.lead;

import java.util.Optional;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import io.lazi.crm.account.Accounts;
import io.lazi.crm.account.Contacts;
import io.lazi.crm.deal.OpportunityRecords;
import io.lazi.crm.record.Actor;
import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.platform.web.Tenant;

/**
 * {@link ConversionTargets} through the modules that own the records: accounts and contacts
 * ({@code io.lazi.crm.account}), opportunities ({@code io.lazi.crm.deal}), each checking its input as for a user and
 * joining the conversion's transaction.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ModuleConversionTargets implements ConversionTargets {

	private final Accounts accounts;

	private final Contacts contacts;

	private final OpportunityRecords opportunities;

	@Override
	public Optional<UUID> accountOfContact(String tenantId, UUID contactId) {
		try {
			return Optional.of(contacts.get(new Tenant(tenantId), contactId).accountId());
		}
		catch (ResourceNotFoundException ex) {
			return Optional.empty();
		}
	}

	@Override
	public UUID createAccount(String tenantId, NewAccount a, Actor actor) {
		return accounts.create(tenantId, new io.lazi.crm.account.NewAccount(a.name(), a.type(), a.email(), a.phone(),
				a.street(), a.city(), a.state(), a.zip(), a.ownerId()), actor);
	}

	@Override
	public UUID createContact(String tenantId, NewContact c, Actor actor) {
		// The account module makes the first contact of an account its primary one.
		return contacts.create(tenantId,
				new io.lazi.crm.account.NewContact(c.accountId(), c.name(), c.email(), c.phone(), null), actor);
	}

	@Override
	public UUID openOpportunity(String tenantId, NewOpportunity o, Actor actor) {
		return opportunities.open(tenantId, new io.lazi.crm.deal.NewOpportunity(o.title(), o.pipeline(), o.stage(),
				o.accountId(), o.primaryContactId(), o.amount(), o.ownerId(), o.leadId()), actor);
	}
}
