package io.lazi.field.customer;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.lazi.field.record.Stored;
import io.lazi.platform.events.StAddress;
import io.lazi.platform.events.StContact;
import io.lazi.platform.events.StCustomer;

/**
 * A customer as the API serves it (fields as ServiceTitan's {@code CustomerResponse} names them).
 *
 * @param source {@code servicetitan} (the mirror) or {@code lazi} (a Lazi-owned record)
 * @param type {@code Residential} or {@code Commercial}
 * @param contacts phones and emails
 */
public record CustomerView(long id, String source, String name, @Nullable String type, @Nullable StAddress address,
		List<StContact> contacts, boolean active, @Nullable Instant createdOn, @Nullable Instant modifiedOn) {

	static CustomerView of(Stored<StCustomer> stored) {
		var c = stored.record();
		return new CustomerView(c.id(), stored.source().wire(), c.name(), c.type(), c.address(), c.contacts(), c.active(),
				c.createdOn(), c.modifiedOn());
	}
}
