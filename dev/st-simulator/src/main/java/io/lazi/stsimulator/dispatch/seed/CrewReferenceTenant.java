package io.lazi.stsimulator.dispatch.seed;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import io.lazi.stsimulator.crm.BusinessUnit;
import io.lazi.stsimulator.crm.TenantCrm;
import io.lazi.stsimulator.dispatch.AppointmentAssignment;
import io.lazi.stsimulator.dispatch.Team;
import io.lazi.stsimulator.dispatch.Technician;
import io.lazi.stsimulator.dispatch.TechnicianShift;
import io.lazi.stsimulator.dispatch.TenantCrew;
import io.lazi.stsimulator.dispatch.Zone;

/**
 * The field crew of the reference tenant {@value #TENANT_ID}, relative to the CRM seed instant {@code now} and
 * built around the tenant's seeded CRM data (whose customers, jobs and appointments it does not change):
 * <ul>
 * <li>{@value #TECHNICIANS} technicians {@code 30000001..}, users {@code 30100001..}: per business unit in id
 * order, {@value #SALES_CREW} for each Sales unit, {@value #SERVICE_CREW} for each Service unit and
 * {@value #INSTALL_CREW} for each Install unit (18 active), then one inactive Pool - Service technician who left
 * the company. Technician {@code i} (0-based) works main zone {@code i mod 4} and the next one.</li>
 * <li>{@value #TEAMS} teams {@code 31000001..}: Pool Crew (the Pool Sales and Service technicians), Electrical Crew
 * (Electrical Sales and Service), Install Crew (both Install units) and an inactive, empty Warranty Crew.</li>
 * <li>{@value #ZONES} zones {@code 32000001..}: Phoenix; Scottsdale &amp; Mesa; Tempe &amp; Chandler; Gilbert — each
 * with the zips of the tenant's customers in its cities, its active technicians and their business units.</li>
 * <li>Shifts {@code 33000001..}: a Normal shift 08:00–17:00 UTC every Monday to Friday from {@code now − 7 days}
 * to {@code now + 14 days} (dates, inclusive) for every active technician, then one TimeOff shift ("Vacation",
 * 08:00–17:00 UTC on the first weekday at least 3 days after {@code now}) of the first Pool - Service
 * technician. How many weekdays the range holds depends on {@code now}'s day of the week (15 or 16).</li>
 * <li>Assignments {@code 34000001..}: one active assignment per appointment of the tenant, in appointment id order,
 * to the active technicians of the job's business unit in turn, assigned 15 minutes after the appointment was
 * made.</li>
 * </ul>
 */
public final class CrewReferenceTenant {

	/** The tenant id. */
	public static final long TENANT_ID = 3222348440L;

	/** Technicians of the tenant, the inactive one included. */
	public static final int TECHNICIANS = 19;

	/** Technicians of each Sales business unit. */
	public static final int SALES_CREW = 2;

	/** Technicians of each Service business unit. */
	public static final int SERVICE_CREW = 4;

	/** Technicians of each Install business unit. */
	public static final int INSTALL_CREW = 3;

	/** Teams of the tenant, the inactive one included. */
	public static final int TEAMS = 4;

	/** Zones of the tenant. */
	public static final int ZONES = 4;

	/** Name of the team of the Pool Sales and Service technicians. */
	public static final String POOL_CREW = "Pool Crew";

	/** Name of the team of the Electrical Sales and Service technicians. */
	public static final String ELECTRICAL_CREW = "Electrical Crew";

	/** Name of the team of the Install technicians. */
	public static final String INSTALL_CREW_NAME = "Install Crew";

	private static final String[][] NAMES = { { "Marco", "Ruiz" }, { "Dana", "Whitaker" }, { "Luis", "Herrera" },
			{ "Kayla", "Brooks" }, { "Trevor", "Nash" }, { "Priya", "Raman" }, { "Owen", "Gallagher" },
			{ "Sofia", "Delgado" }, { "Caleb", "Foster" }, { "Nina", "Petrov" }, { "Isaac", "Morales" },
			{ "Grace", "Liu" }, { "Hector", "Salazar" }, { "Molly", "Quinn" }, { "Andre", "Washington" },
			{ "Jenna", "Kowalski" }, { "Rafael", "Ortiz" }, { "Tessa", "Hart" }, { "Wade", "Dunham" } };

	private static final String[][] ZONE_CITIES = { { "Phoenix" }, { "Scottsdale", "Mesa" }, { "Tempe", "Chandler" },
			{ "Gilbert" } };

	private static final long FIRST_TECHNICIAN = 30_000_001L;

	private static final long FIRST_TEAM = 31_000_001L;

	private static final long FIRST_ZONE = 32_000_001L;

	private static final long FIRST_SHIFT = 33_000_001L;

	private static final long FIRST_ASSIGNMENT = 34_000_001L;

	private CrewReferenceTenant() {
	}

	/**
	 * @param now the CRM seed instant
	 * @param crm the tenant's seeded CRM data
	 * @return the tenant's crew; equal for equal arguments
	 */
	public static TenantCrew generate(Instant now, TenantCrm crm) {

		var setUp = now.minus(Duration.ofDays(365));
		var teams = List.of(new Team(FIRST_TEAM, true, POOL_CREW, 1L, setUp, setUp),
				new Team(FIRST_TEAM + 1, true, ELECTRICAL_CREW, 1L, setUp, setUp),
				new Team(FIRST_TEAM + 2, true, INSTALL_CREW_NAME, 1L, setUp, setUp),
				new Team(FIRST_TEAM + 3, false, "Warranty Crew", 1L, setUp, now.minus(Duration.ofDays(60))));
		var technicians = technicians(now, crm.businessUnits());
		return new TenantCrew(technicians, teams, zones(setUp, crm, technicians), shifts(now, technicians), assignments(crm,
				technicians));
	}

	private static List<Technician> technicians(Instant now, List<BusinessUnit> units) {

		var technicians = new ArrayList<Technician>();
		for (var unit : units) {
			for (var k = 0; k < crewSize(unit); k++) {
				technicians.add(technician(technicians.size(), unit, true, now));
			}
		}
		var poolService = units.stream().filter(unit -> unit.name().equals("Pool - Service")).findFirst();
		poolService.ifPresent(unit -> technicians.add(technician(technicians.size(), unit, false, now)));
		return technicians;
	}

	private static Technician technician(int index, BusinessUnit unit, boolean active, Instant now) {

		var first = NAMES[index % NAMES.length][0];
		var last = NAMES[index % NAMES.length][1];
		var kind = kind(unit);
		var team = kind.equals("Install") ? INSTALL_CREW_NAME : unit.name().startsWith("Pool") ? POOL_CREW : ELECTRICAL_CREW;
		var position = switch (kind) {
			case "Sales" -> "Sales";
			case "Install" -> "Installer";
			default -> "Service";
		};
		var rate = switch (kind) {
			case "Sales" -> "28.00";
			case "Install" -> "30.00";
			default -> "32.00";
		};
		var mainZone = FIRST_ZONE + index % ZONES;
		var created = now.minus(Duration.ofDays(400L - 10L * index));
		return new Technician(FIRST_TECHNICIAN + index, 30_100_001L + index, first + " " + last, first, last, unit.id(), team,
				mainZone, List.of(mainZone, FIRST_ZONE + (index + 1) % ZONES),
				(first + "." + last).toLowerCase(Locale.ROOT) + "@poolandpower.example", "480555%04d".formatted(7000 + index),
				position, new BigDecimal(rate), active, created,
				active ? created.plus(Duration.ofDays(1)) : now.minus(Duration.ofDays(20)));
	}

	private static List<Zone> zones(Instant setUp, TenantCrm crm, List<Technician> technicians) {

		var zones = new ArrayList<Zone>();
		for (var index = 0; index < ZONES; index++) {
			var id = FIRST_ZONE + index;
			var cities = List.of(ZONE_CITIES[index]);
			var zips = new TreeSet<String>();
			crm.customers().stream().filter(customer -> cities.contains(customer.address().city()))
				.forEach(customer -> zips.add(customer.address().zip()));
			var working = technicians.stream().filter(Technician::active).filter(t -> t.zoneIds().contains(id)).toList();
			zones.add(new Zone(id, true, String.join(" & ", cities), List.copyOf(zips), cities, List.of(), List.of(), 1L,
					setUp, setUp, false, List.of(),
					working.stream().map(Technician::businessUnitId).distinct().sorted().toList(),
					working.stream().map(Technician::id).toList()));
		}
		return zones;
	}

	private static List<TechnicianShift> shifts(Instant now, List<Technician> technicians) {

		var today = now.atOffset(ZoneOffset.UTC).toLocalDate();
		var created = now.minus(Duration.ofDays(30));
		var shifts = new ArrayList<TechnicianShift>();
		for (var technician : technicians.stream().filter(Technician::active).toList()) {
			for (var date = today.minusDays(7); !date.isAfter(today.plusDays(14)); date = date.plusDays(1)) {
				if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
					continue;
				}
				shifts.add(new TechnicianShift(FIRST_SHIFT + shifts.size(), "Normal", "Regular shift", null, true,
						technician.id(), date.atTime(LocalTime.of(8, 0)).toInstant(ZoneOffset.UTC),
						date.atTime(LocalTime.of(17, 0)).toInstant(ZoneOffset.UTC), null, created, created));
			}
		}
		var vacation = today.plusDays(3);
		while (vacation.getDayOfWeek() == DayOfWeek.SATURDAY || vacation.getDayOfWeek() == DayOfWeek.SUNDAY) {
			vacation = vacation.plusDays(1);
		}
		var day = vacation;
		technicians.stream().filter(Technician::active).filter(t -> t.position().equals("Service"))
			.filter(t -> t.team().equals(POOL_CREW)).findFirst()
			.ifPresent(technician -> shifts.add(new TechnicianShift(FIRST_SHIFT + shifts.size(), "TimeOff", "Vacation",
					"Family trip", true, technician.id(), day.atTime(LocalTime.of(8, 0)).toInstant(ZoneOffset.UTC),
					day.atTime(LocalTime.of(17, 0)).toInstant(ZoneOffset.UTC), null, created, created)));
		return shifts;
	}

	private static List<AppointmentAssignment> assignments(TenantCrm crm, List<Technician> technicians) {

		var turns = new HashMap<Long, Integer>();
		var assignments = new ArrayList<AppointmentAssignment>();
		for (var appointment : crm.appointments().stream().sorted(Comparator.comparingLong(a -> a.id())).toList()) {
			var job = crm.job(appointment.jobId()).orElseThrow();
			var crew = technicians.stream().filter(Technician::active)
				.filter(technician -> technician.businessUnitId() == job.businessUnitId()).toList();
			if (crew.isEmpty()) {
				continue;
			}
			var turn = turns.merge(job.businessUnitId(), 1, Integer::sum) - 1;
			var technician = crew.get(turn % crew.size());
			var assigned = appointment.createdOn().plus(Duration.ofMinutes(15));
			assignments.add(new AppointmentAssignment(FIRST_ASSIGNMENT + assignments.size(), technician.id(),
					technician.name(), 1L, assigned, AppointmentAssignment.statusFor(appointment.status()), false, job.id(),
					appointment.id(), assigned, assigned, true));
		}
		return assignments;
	}

	private static int crewSize(BusinessUnit unit) {
		return switch (kind(unit)) {
			case "Sales" -> SALES_CREW;
			case "Service" -> SERVICE_CREW;
			case "Install" -> INSTALL_CREW;
			default -> 0;
		};
	}

	/** {@code Sales}, {@code Service} or {@code Install}: what follows the trade in the unit's name. */
	private static String kind(BusinessUnit unit) {

		var name = unit.name();
		return name.substring(name.lastIndexOf('-') + 1).strip();
	}
}
