package io.lazi.field.record;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.events.StAddress;
import io.lazi.platform.events.StAppointment;
import io.lazi.platform.events.StAppointmentAssignment;
import io.lazi.platform.events.StBooking;
import io.lazi.platform.events.StBusinessUnit;
import io.lazi.platform.events.StCustomer;
import io.lazi.platform.events.StEstimate;
import io.lazi.platform.events.StJob;
import io.lazi.platform.events.StJobHistory;
import io.lazi.platform.events.StJobReason;
import io.lazi.platform.events.StLead;
import io.lazi.platform.events.StLocation;
import io.lazi.platform.events.StTeam;
import io.lazi.platform.events.StTechnician;
import io.lazi.platform.events.StTechnicianShift;
import io.lazi.platform.events.StZone;

/** Builds the {@link Row} of a ServiceTitan record: which of its fields lists filter, join and search on. */
public final class Rows {

	private Rows() {
	}

	/**
	 * The row of {@code record} as a {@code kind}.
	 *
	 * @throws IllegalArgumentException when {@code record} is not of {@code kind}'s type
	 */
	public static Row of(Kind kind, Object record) {

		if (!kind.type().isInstance(record)) {
			throw new IllegalArgumentException(kind + " records are " + kind.type().getSimpleName() + ", not "
					+ record.getClass().getSimpleName());
		}
		return switch (record) {
			case StCustomer c -> new Row(kind, c.id(), c, c.active(), c.modifiedOn(), c.id(), null, null, null, null,
					search(Stream.concat(Stream.of(c.name()), Stream.concat(c.contacts().stream().map(x -> x.value()),
							address(c.address())))),
					null, null);
			case StLocation l -> new Row(kind, l.id(), l, l.active(), l.modifiedOn(), l.customerId(), l.id(), null, null,
					null, search(Stream.concat(Stream.of(l.name()), address(l.address()))), null, null);
			case StJob j -> new Row(kind, j.id(), j, true, j.modifiedOn(), j.customerId(), j.locationId(), j.id(), null,
					null, search(Stream.of(j.jobNumber(), j.summary(), j.jobStatus())), null, null);
			case StJobHistory h -> new Row(kind, h.jobId(), h, true,
					h.history().isEmpty() ? null : h.history().getLast().date(), null, null, h.jobId(), null, null, null,
					null, null);
			case StAppointment a -> new Row(kind, a.id(), a, a.active(), a.modifiedOn(), a.customerId(), null, a.jobId(),
					a.id(), null, search(Stream.of(a.appointmentNumber(), a.status())), a.start(), a.end());
			case StAppointmentAssignment a -> new Row(kind, a.id(), a, a.active(), a.modifiedOn(), null, null, a.jobId(),
					a.appointmentId(), a.technicianId(), null, null, null);
			case StEstimate e -> new Row(kind, e.id(), e, e.active(), e.modifiedOn(), e.customerId(), null, e.jobId(), null,
					null, search(Stream.of(e.name())), null, null);
			case StTechnician t -> new Row(kind, t.id(), t, t.active(), t.modifiedOn(), null, null, null, null, t.id(),
					search(Stream.of(t.name(), t.email(), t.phoneNumber(), t.team())), null, null);
			case StTeam t -> new Row(kind, t.id(), t, t.active(), t.modifiedOn(), null, null, null, null, null,
					search(Stream.of(t.name())), null, null);
			case StZone z -> new Row(kind, z.id(), z, z.active(), z.modifiedOn(), null, null, null, null, null,
					search(Stream.of(z.name())), null, null);
			case StTechnicianShift s -> new Row(kind, s.id(), s, s.active(), s.modifiedOn(), null, null, null, null,
					s.technicianId(), search(Stream.of(s.title(), s.shiftType())), s.start(), s.end());
			case StJobReason r -> new Row(kind, r.id(), r, r.active(), r.modifiedOn(), null, null, null, null, null,
					search(Stream.of(r.name())), null, null);
			case StLead l -> new Row(kind, l.id(), l, !"Dismissed".equals(l.status()), l.modifiedOn(), l.customerId(),
					l.locationId(), null, null, null,
					search(Stream.of(l.leadCustomerName(), l.leadPhone(), l.leadEmail(), l.summary())), null, null);
			case StBooking b -> new Row(kind, b.id(), b, true, b.modifiedOn(), null, null, b.jobId(), null, null,
					search(Stream.concat(Stream.of(b.name(), b.summary()), address(b.address()))), b.start(), null);
			case StBusinessUnit u -> new Row(kind, u.id(), u, u.active(), u.modifiedOn(), null, null, null, null, null,
					search(Stream.of(u.name(), u.officialName())), null, null);
			default -> throw new IllegalArgumentException("No row for " + record.getClass().getSimpleName());
		};
	}

	private static Stream<@Nullable String> address(@Nullable StAddress address) {
		return address == null ? Stream.of()
				: Stream.of(address.street(), address.unit(), address.city(), address.state(), address.zip());
	}

	private static @Nullable String search(Stream<@Nullable String> parts) {

		var text = parts.filter(Objects::nonNull)
			.map(String::strip)
			.filter(part -> !part.isEmpty())
			.collect(Collectors.joining(" "))
			.toLowerCase(Locale.ROOT);
		return text.isEmpty() ? null : text;
	}
}
