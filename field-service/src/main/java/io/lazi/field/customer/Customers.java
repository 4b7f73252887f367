package io.lazi.field.customer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.field.change.Announcements;
import io.lazi.field.command.FieldCommands;
import io.lazi.field.command.Written;
import io.lazi.field.provider.Placement;
import io.lazi.field.provider.Providers;
import io.lazi.field.record.Domain;
import io.lazi.field.record.Filter;
import io.lazi.field.record.Kind;
import io.lazi.field.record.RecordStore;
import io.lazi.field.record.Rows;
import io.lazi.field.record.Sort;
import io.lazi.field.record.Source;
import io.lazi.platform.events.FieldAction;
import io.lazi.platform.events.FieldWrite;
import io.lazi.platform.events.StBooking;
import io.lazi.platform.events.StContact;
import io.lazi.platform.events.StLead;
import io.lazi.platform.events.StCustomer;
import io.lazi.platform.events.StJob;
import io.lazi.platform.events.StLocation;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.ResourceNotFoundException;

/**
 * The tenant's customers as its customers provider serves them. Writes to a Lazi-owned customer (or any under
 * {@code lazi}) change it here and announce it; writes to a mirror customer go to ServiceTitan as commands
 * ({@code CREATE_CUSTOMER}, {@code UPDATE_CUSTOMER}) and change the mirror with ServiceTitan's answer. Bad input is
 * an {@link InvalidInputException} naming the field, before anything changes.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Customers {

	private static final Set<String> TYPES = Set.of("Residential", "Commercial");

	private static final int MAX_NAME = 200;

	private static final PageRequest LATEST_JOBS = new PageRequest(0, 100);

	private final RecordStore records;

	private final Providers providers;

	private final Placement placement;

	private final FieldCommands commands;

	private final Announcements announcements;

	private final Clock clock = Clock.systemUTC();

	/**
	 * One page of customers, by id.
	 *
	 * @param search words that must all occur in the name, a phone, an email or the address
	 */
	public Page<CustomerView> list(String tenant, @Nullable String search, boolean activeOnly, PageRequest page) {

		var provider = providers.of(tenant, Domain.CUSTOMERS);
		var filter = Filter.all().matching(search);
		filter = activeOnly ? filter.active() : filter;
		return Page.of(records.list(tenant, Kind.CUSTOMER, provider, StCustomer.class, filter, Sort.ID, page)
			.stream()
			.map(CustomerView::of)
			.toList(), page, records.count(tenant, Kind.CUSTOMER, provider, filter));
	}

	/** The customer {@code id} with its locations and latest jobs. */
	public CustomerDetail get(String tenant, long id) {

		var customer = customer(tenant, id);
		var jobs = records.list(tenant, Kind.JOB, providers.of(tenant, Domain.JOBS), StJob.class,
				Filter.all().customer(id), Sort.NEWEST, LATEST_JOBS);
		return new CustomerDetail(customer, locations(tenant, id), jobs.stream().map(CustomerJob::of).toList());
	}

	/** The customer {@code id}. */
	public CustomerView customer(String tenant, long id) {

		return records.find(tenant, Kind.CUSTOMER, id, providers.of(tenant, Domain.CUSTOMERS), StCustomer.class)
			.map(CustomerView::of)
			.orElseThrow(() -> new ResourceNotFoundException("Customer", id));
	}

	/** The locations of customer {@code id}, by id. */
	public List<LocationView> locations(String tenant, long id) {

		customer(tenant, id);
		return records.all(tenant, Kind.LOCATION, providers.of(tenant, Domain.CUSTOMERS), StLocation.class,
				Filter.all().customer(id), Sort.ID).stream().map(LocationView::of).toList();
	}

	/** The location {@code id}. */
	public LocationView location(String tenant, long id) {

		return records.find(tenant, Kind.LOCATION, id, providers.of(tenant, Domain.CUSTOMERS), StLocation.class)
			.map(LocationView::of)
			.orElseThrow(() -> new ResourceNotFoundException("Location", id));
	}

	/** ServiceTitan's leads, by id, as the customers provider shows them. */
	public Page<StLead> leads(String tenant, @Nullable String search, PageRequest page) {
		return page(tenant, Kind.LEAD, StLead.class, Filter.all().matching(search), page);
	}

	/** ServiceTitan's bookings, by id, as the customers provider shows them. */
	public Page<StBooking> bookings(String tenant, @Nullable String search, PageRequest page) {
		return page(tenant, Kind.BOOKING, StBooking.class, Filter.all().matching(search), page);
	}

	private <T> Page<T> page(String tenant, Kind kind, Class<T> type, Filter filter, PageRequest page) {

		var provider = providers.of(tenant, Domain.CUSTOMERS);
		return Page.of(records.list(tenant, kind, provider, type, filter, Sort.ID, page).stream().map(s -> s.record()).toList(),
				page, records.count(tenant, kind, provider, filter));
	}

	/**
	 * Creates a customer with a first location at its address: in ServiceTitan under provider {@code servicetitan}
	 * (a command), else as a Lazi-owned record.
	 */
	@Transactional
	public Written<CustomerView> create(String tenant, CustomerInput input, String user) {

		var name = name(input.name());
		if (name == null) {
			throw new InvalidInputException("name", "is required");
		}
		var type = type(input.type());
		if (placement.createsInServiceTitan(tenant, Kind.CUSTOMER)) {
			contactsStayLocal(input);
			var write = new FieldWrite(name, type == null ? "Residential" : type, input.address(), null, null, null, null,
					null, null, null, null, null, null);
			return Written.sent(commands.issue(tenant, FieldAction.CREATE_CUSTOMER, -records.nextLaziId(), write, null, user));
		}
		var now = clock.instant();
		var id = records.nextLaziId();
		var customer = new StCustomer(id, true, name, type == null ? "Residential" : type, input.address(),
				contacts(input, List.of()), null, now, now);
		records.saveLazi(tenant, Rows.of(Kind.CUSTOMER, customer), now);
		var location = new StLocation(records.nextLaziId(), id, true, name, input.address(), now, now);
		records.saveLazi(tenant, Rows.of(Kind.LOCATION, location), now);
		announcements.customer(tenant, customer, Source.LAZI, "created", now);
		return Written.applied(customer(tenant, id));
	}

	/** Changes the given fields of customer {@code id}; contacts are added (Lazi-owned records only). */
	@Transactional
	public Written<CustomerView> update(String tenant, long id, CustomerInput input, String user) {

		var name = name(input.name());
		var type = type(input.type());
		if (name == null && type == null && input.address() == null && input.phone() == null && input.email() == null) {
			throw new InvalidInputException("body", "must change at least one of name, type, address, phone, email");
		}
		var target = placement.existing(tenant, Kind.CUSTOMER, id, StCustomer.class, "Customer");
		if (target.inServiceTitan()) {
			contactsStayLocal(input);
			var write = new FieldWrite(name, type, input.address(), null, null, null, null, null, null, null, null, null,
					null);
			return Written.sent(commands.issue(tenant, FieldAction.UPDATE_CUSTOMER, id, write, null, user));
		}
		var now = clock.instant();
		var c = target.record();
		var changed = new StCustomer(c.id(), c.active(), name == null ? c.name() : name, type == null ? c.type() : type,
				input.address() == null ? c.address() : input.address(), contacts(input, c.contacts()), c.mergedToId(),
				c.createdOn(), now);
		records.saveLazi(tenant, Rows.of(Kind.CUSTOMER, changed), now);
		announcements.customer(tenant, changed, Source.LAZI, "updated", now);
		return Written.applied(customer(tenant, id));
	}

	/**
	 * Deletes a Lazi-owned customer (softly: its jobs keep their reference).
	 *
	 * @throws CustomerNotDeletable for a ServiceTitan customer: ServiceTitan's API deletes no customer
	 */
	@Transactional
	public void delete(String tenant, long id) {

		var target = placement.existing(tenant, Kind.CUSTOMER, id, StCustomer.class, "Customer");
		if (target.inServiceTitan()) {
			throw new CustomerNotDeletable(id);
		}
		var now = clock.instant();
		records.deleteLazi(tenant, Kind.CUSTOMER, id, now);
		var c = target.record();
		announcements.customer(tenant, new StCustomer(c.id(), false, c.name(), c.type(), c.address(), c.contacts(),
				c.mergedToId(), c.createdOn(), now), Source.LAZI, "deleted", now);
	}

	/** A delete of a customer that lives in ServiceTitan; answers 409. */
	public static class CustomerNotDeletable extends RuntimeException {

		CustomerNotDeletable(long id) {
			super("Customer " + id + " lives in ServiceTitan, whose API deletes no customer; deactivate it there, "
					+ "or switch the customers domain to lazi or hybrid to keep your own records");
		}
	}

	private static void contactsStayLocal(CustomerInput input) {

		if (input.phone() != null) {
			throw new InvalidInputException("phone", "cannot be sent to ServiceTitan with the customer; add it in ServiceTitan");
		}
		if (input.email() != null) {
			throw new InvalidInputException("email", "cannot be sent to ServiceTitan with the customer; add it in ServiceTitan");
		}
	}

	private List<StContact> contacts(CustomerInput input, List<StContact> existing) {

		var contacts = new ArrayList<>(existing);
		if (input.phone() != null) {
			var phone = input.phone().strip();
			if (!phone.matches("[+0-9 ().-]{3,30}")) {
				throw new InvalidInputException("phone", "must be 3..30 digits, spaces, +, (, ), . or -");
			}
			contacts.add(new StContact(records.nextLaziId(), "Phone", phone, null));
		}
		if (input.email() != null) {
			var email = input.email().strip();
			if (!email.matches("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]+")) {
				throw new InvalidInputException("email", "must be an email address");
			}
			contacts.add(new StContact(records.nextLaziId(), "Email", email, null));
		}
		return List.copyOf(contacts);
	}

	private static @Nullable String name(@Nullable String name) {

		if (name == null) {
			return null;
		}
		var stripped = name.strip();
		if (stripped.isEmpty() || stripped.length() > MAX_NAME) {
			throw new InvalidInputException("name", "must be 1.." + MAX_NAME + " characters");
		}
		return stripped;
	}

	private static @Nullable String type(@Nullable String type) {

		if (type != null && !TYPES.contains(type)) {
			throw new InvalidInputException("type", "must be Residential or Commercial");
		}
		return type;
	}
}
