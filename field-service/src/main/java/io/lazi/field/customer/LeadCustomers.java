package io.lazi.field.customer;

import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.field.command.FieldCommands;
import io.lazi.field.mirror.MirrorIngest;
import io.lazi.field.provider.Placement;
import io.lazi.field.record.Kind;
import io.lazi.field.record.RecordStore;
import io.lazi.platform.events.FieldAction;
import io.lazi.platform.events.FieldWrite;
import io.lazi.platform.events.LeadConverted;
import io.lazi.platform.events.StAddress;
import io.lazi.platform.kafka.ConsumedMessages;
import io.lazi.platform.kafka.ReceivedEvent;

/**
 * Creates in ServiceTitan the customer of a lead converted in the CRM ({@code io.lazi.crm.lead.converted.v1}) where
 * the tenant's customers provider is {@code servicetitan}: one {@code CREATE_CUSTOMER} command, issued as
 * {@code POST /api/v2/customers} issues it ({@link FieldCommands#issue}, a provisional negative id, type
 * {@code Residential}), with the lead's customer name, its street, city, state and zip (country {@value #COUNTRY}: CRM
 * addresses have none, ServiceTitan requires one), its email and phone as the customer's contacts, the reference
 * {@code crm-account:<accountId>} ({@link FieldCommands#ACCOUNT}) and the converting user as requester. ServiceTitan's
 * answer ({@code io.lazi.st.field-command.completed.v1} on {@code sync.events}) carries that reference and the
 * created customer, by which the CRM links its account; the mirror gets the customer as for any create.
 *
 * <p>Once per lead: a redelivered event is skipped ({@link ConsumedMessages}), and no second command is issued for an
 * account that already has one (a copy of the event under another id). Nothing is sent, and no command recorded, when:
 * <ul>
 * <li>the provider is {@code lazi} or {@code hybrid}: new customers are Lazi's there, and the CRM account is the
 * customer's record; a Lazi-owned copy here would be a second record of the same customer to keep equal;</li>
 * <li>the conversion linked an existing account ({@code accountCreated} false): that account is a ServiceTitan
 * customer already (the pipeline derives an account from each) or one the CRM keeps by choice, and field-service
 * cannot tell which; creating one could duplicate a ServiceTitan customer;</li>
 * <li>the lead has no customer name, or no street, city, state or zip: ServiceTitan refuses a customer without a
 * complete address (its {@code CustomerAddress} requires them, and so does the simulator). The customer stays in
 * Lazi, logged at info.</li>
 * </ul>
 * Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class LeadCustomers {

	/** The country of a created customer's address. */
	static final String COUNTRY = "USA";

	private static final Logger LOG = LoggerFactory.getLogger(LeadCustomers.class);

	private final ConsumedMessages consumed;

	private final Placement placement;

	private final RecordStore records;

	private final FieldCommands commands;

	/**
	 * Creates the customer of one converted lead in ServiceTitan, or nothing (see above).
	 *
	 * @throws IllegalArgumentException when the event can never be applied (another tenant's header, a missing
	 *         required field): it goes to {@code crm.leads-dlt}
	 */
	@Transactional
	public void apply(ReceivedEvent<LeadConverted> event) {

		if (!consumed.accept(event, MirrorIngest.CONSUMER)) {
			return;
		}
		var lead = event.payload();
		var tenant = lead.tenantId();
		if (!placement.createsInServiceTitan(tenant, Kind.CUSTOMER)) {
			LOG.debug("Lead {} of tenant {} converted: new customers are Lazi's, the CRM account {} is the record",
					lead.leadId(), tenant, lead.accountId());
			return;
		}
		if (!lead.accountCreated()) {
			LOG.info("Lead {} of tenant {} converted into the existing account {}: no customer is created in ServiceTitan",
					lead.leadId(), tenant, lead.accountId());
			return;
		}
		var write = write(lead);
		if (write.isEmpty()) {
			LOG.info("Lead {} of tenant {} converted without a name and a complete address (street, city, state, zip): "
					+ "its customer stays in Lazi as account {}", lead.leadId(), tenant, lead.accountId());
			return;
		}
		var reference = FieldCommands.ACCOUNT + lead.accountId();
		var issued = commands.issued(tenant, FieldAction.CREATE_CUSTOMER, reference);
		if (issued.isPresent()) {
			LOG.info("Lead {} of tenant {} converted again: command {} already creates the customer of account {}",
					lead.leadId(), tenant, issued.get().commandId(), lead.accountId());
			return;
		}
		commands.issue(tenant, FieldAction.CREATE_CUSTOMER, -records.nextLaziId(), write.get(), reference,
				lead.convertedBy());
	}

	/** The create of the lead's customer; empty without a name or a complete address. */
	static Optional<FieldWrite> write(LeadConverted lead) {

		var name = text(lead.customerName());
		var street = text(lead.street());
		var city = text(lead.city());
		var state = text(lead.state());
		var zip = text(lead.zip());
		if (name == null || street == null || city == null || state == null || zip == null) {
			return Optional.empty();
		}
		var address = new StAddress(street, null, city, state, zip, COUNTRY);
		return Optional.of(new FieldWrite(name, "Residential", address, null, null, null, null, null, null, null, null,
				null, null, text(lead.email()), text(lead.phone())));
	}

	private static @Nullable String text(@Nullable String value) {

		if (value == null) {
			return null;
		}
		var stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}
}
