package io.lazi.field.technician;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.lazi.field.provider.Providers;
import io.lazi.field.record.Domain;
import io.lazi.field.record.Filter;
import io.lazi.field.record.Kind;
import io.lazi.field.record.RecordStore;
import io.lazi.field.record.Sort;
import io.lazi.field.record.Stored;
import io.lazi.field.technician.Availability.Busy;
import io.lazi.field.technician.Availability.Interval;
import io.lazi.platform.events.StAppointment;
import io.lazi.platform.events.StAppointmentAssignment;
import io.lazi.platform.events.StBusinessUnit;
import io.lazi.platform.events.StTeam;
import io.lazi.platform.events.StTechnician;
import io.lazi.platform.events.StTechnicianShift;
import io.lazi.platform.events.StZone;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.ResourceNotFoundException;

/**
 * Technicians, teams, zones and business units as the tenant's technicians provider serves them; availability
 * reads the shifts there and the appointments and assignments as the jobs provider serves them.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Technicians {

	/** The longest range an availability answers for. */
	public static final Duration MAX_RANGE = Duration.ofDays(31);

	private final RecordStore records;

	private final Providers providers;

	/** One page of technicians by id, of a team (its id) or business unit when given. */
	public Page<TechnicianView> list(String tenant, @Nullable Long teamId, @Nullable Long businessUnitId,
			@Nullable String search, boolean activeOnly, PageRequest page) {

		var provider = providers.of(tenant, Domain.TECHNICIANS);
		var filter = Filter.all().matching(search).with("businessUnitId", businessUnitId);
		if (teamId != null) {
			filter = filter.with("team", team(tenant, teamId).name());
		}
		filter = activeOnly ? filter.active() : filter;
		return Page.of(records.list(tenant, Kind.TECHNICIAN, provider, StTechnician.class, filter, Sort.ID, page)
			.stream()
			.map(TechnicianView::of)
			.toList(), page, records.count(tenant, Kind.TECHNICIAN, provider, filter));
	}

	/** Technician {@code id}. */
	public TechnicianView get(String tenant, long id) {
		return TechnicianView.of(technician(tenant, id));
	}

	/**
	 * Technician {@code id}'s availability between {@code from} and {@code to}.
	 *
	 * @throws InvalidInputException when the range is missing, empty or longer than {@link #MAX_RANGE}
	 */
	public Availability availability(String tenant, long id, @Nullable Instant from, @Nullable Instant to) {

		if (from == null || to == null) {
			throw new InvalidInputException(from == null ? "from" : "to", "is required");
		}
		if (!to.isAfter(from)) {
			throw new InvalidInputException("to", "must be after from");
		}
		if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
			throw new InvalidInputException("to", "must be at most " + MAX_RANGE.toDays() + " days after from");
		}
		technician(tenant, id);
		var shifts = records.all(tenant, Kind.SHIFT, providers.of(tenant, Domain.TECHNICIANS), StTechnicianShift.class,
				Filter.all().technician(id).between(from, to).active(), Sort.START);
		var working = new ArrayList<Interval>();
		var timeOff = new ArrayList<Interval>();
		for (var shift : shifts) {
			var s = shift.record();
			var clipped = clip(new Interval(s.start(), s.end()), from, to);
			if (clipped != null) {
				("TimeOff".equalsIgnoreCase(s.shiftType()) ? timeOff : working).add(clipped);
			}
		}
		var busy = busy(tenant, id, from, to);
		var taken = new ArrayList<>(timeOff);
		busy.forEach(b -> taken.add(new Interval(b.start(), b.end())));
		var free = minus(merge(working), merge(taken));
		var minutes = free.stream().mapToLong(i -> Duration.between(i.start(), i.end()).toMinutes()).sum();
		return new Availability(id, from, to, free, busy, merge(timeOff), minutes);
	}

	/** The tenant's teams, by id. */
	public List<StTeam> teams(String tenant) {
		return all(tenant, Kind.TEAM, StTeam.class);
	}

	/** Team {@code id}. */
	public StTeam team(String tenant, long id) {

		return records.find(tenant, Kind.TEAM, id, providers.of(tenant, Domain.TECHNICIANS), StTeam.class)
			.map(Stored::record)
			.orElseThrow(() -> new ResourceNotFoundException("Team", id));
	}

	/** The tenant's zones, by id. */
	public List<StZone> zones(String tenant) {
		return all(tenant, Kind.ZONE, StZone.class);
	}

	/** The tenant's business units, by id. */
	public List<StBusinessUnit> businessUnits(String tenant) {
		return all(tenant, Kind.BUSINESS_UNIT, StBusinessUnit.class);
	}

	private <T> List<T> all(String tenant, Kind kind, Class<T> type) {
		return records.all(tenant, kind, providers.of(tenant, Domain.TECHNICIANS), type, Filter.all(), Sort.ID)
			.stream()
			.map(Stored::record)
			.toList();
	}

	private Stored<StTechnician> technician(String tenant, long id) {
		return records.find(tenant, Kind.TECHNICIAN, id, providers.of(tenant, Domain.TECHNICIANS), StTechnician.class)
			.orElseThrow(() -> new ResourceNotFoundException("Technician", id));
	}

	private List<Busy> busy(String tenant, long id, Instant from, Instant to) {

		var jobs = providers.of(tenant, Domain.JOBS);
		var appointmentIds = records.all(tenant, Kind.ASSIGNMENT, jobs, StAppointmentAssignment.class,
				Filter.all().technician(id).active(), Sort.ID).stream().map(a -> a.record().appointmentId()).toList();
		if (appointmentIds.isEmpty()) {
			return List.of();
		}
		return records.all(tenant, Kind.APPOINTMENT, jobs, StAppointment.class,
				Filter.all().only(appointmentIds).between(from, to).active(), Sort.START)
			.stream()
			.map(Stored::record)
			.filter(a -> a.start() != null && a.end() != null && !"Canceled".equals(a.status()))
			.map(a -> new Busy(a.start(), a.end(), a.jobId(), a.id(), a.appointmentNumber()))
			.toList();
	}

	private static @Nullable Interval clip(Interval interval, Instant from, Instant to) {

		var start = interval.start().isBefore(from) ? from : interval.start();
		var end = interval.end().isAfter(to) ? to : interval.end();
		return end.isAfter(start) ? new Interval(start, end) : null;
	}

	/** The union of {@code intervals}, by start, overlapping and touching ones joined. */
	static List<Interval> merge(List<Interval> intervals) {

		var sorted = intervals.stream().sorted(Comparator.comparing(Interval::start)).toList();
		var merged = new ArrayList<Interval>();
		for (var interval : sorted) {
			if (!merged.isEmpty() && !interval.start().isAfter(merged.getLast().end())) {
				var last = merged.removeLast();
				merged.add(new Interval(last.start(), interval.end().isAfter(last.end()) ? interval.end() : last.end()));
			}
			else {
				merged.add(interval);
			}
		}
		return merged;
	}

	/** {@code from} minus {@code taken}; both merged and sorted. */
	static List<Interval> minus(List<Interval> from, List<Interval> taken) {

		var result = new ArrayList<Interval>();
		for (var interval : from) {
			var start = interval.start();
			for (var cut : taken) {
				if (!cut.end().isAfter(start) || !cut.start().isBefore(interval.end())) {
					continue;
				}
				if (cut.start().isAfter(start)) {
					result.add(new Interval(start, cut.start()));
				}
				start = cut.end().isAfter(start) ? cut.end() : start;
			}
			if (interval.end().isAfter(start)) {
				result.add(new Interval(start, interval.end()));
			}
		}
		return result;
	}
}
