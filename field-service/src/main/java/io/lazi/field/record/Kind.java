package io.lazi.field.record;

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

/**
 * A kind of stored record, with the ServiceTitan record type its payload has and the domain it belongs to.
 */
public enum Kind {

	CUSTOMER("customer", StCustomer.class, Domain.CUSTOMERS),
	LOCATION("location", StLocation.class, Domain.CUSTOMERS),
	LEAD("lead", StLead.class, Domain.CUSTOMERS),
	BOOKING("booking", StBooking.class, Domain.CUSTOMERS),
	JOB("job", StJob.class, Domain.JOBS),
	JOB_HISTORY("job_history", StJobHistory.class, Domain.JOBS),
	APPOINTMENT("appointment", StAppointment.class, Domain.JOBS),
	ASSIGNMENT("assignment", StAppointmentAssignment.class, Domain.JOBS),
	CANCEL_REASON("cancel_reason", StJobReason.class, Domain.JOBS),
	HOLD_REASON("hold_reason", StJobReason.class, Domain.JOBS),
	ESTIMATE("estimate", StEstimate.class, Domain.ESTIMATES),
	TECHNICIAN("technician", StTechnician.class, Domain.TECHNICIANS),
	TEAM("team", StTeam.class, Domain.TECHNICIANS),
	ZONE("zone", StZone.class, Domain.TECHNICIANS),
	SHIFT("shift", StTechnicianShift.class, Domain.TECHNICIANS),
	BUSINESS_UNIT("business_unit", StBusinessUnit.class, Domain.TECHNICIANS);

	private final String wire;

	private final Class<?> type;

	private final Domain domain;

	Kind(String wire, Class<?> type, Domain domain) {
		this.wire = wire;
		this.type = type;
		this.domain = domain;
	}

	/** As stored in {@code field_record.kind}. */
	public String wire() {
		return wire;
	}

	/** The ServiceTitan record type of the payload. */
	public Class<?> type() {
		return type;
	}

	public Domain domain() {
		return domain;
	}
}
