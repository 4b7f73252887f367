package io.lazi.stsimulator.crm.seed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lazi.stsimulator.crm.Appointment;
import io.lazi.stsimulator.crm.BusinessUnit;
import io.lazi.stsimulator.crm.Contact;
import io.lazi.stsimulator.crm.CrmRecord;
import io.lazi.stsimulator.crm.Customer;
import io.lazi.stsimulator.crm.Estimate;
import io.lazi.stsimulator.crm.Job;
import io.lazi.stsimulator.crm.Location;
import io.lazi.stsimulator.crm.Office;
import io.lazi.stsimulator.crm.TenantCrm;

/**
 * A tenant's CRM data open for many changes at once, by id, turned into one {@link TenantCrm} at the end: a
 * snapshot per change would copy and sort every list each time. Not thread-safe.
 */
final class CrmDraft {

	final Map<Long, BusinessUnit> businessUnits;

	final Map<Long, Customer> customers;

	final Map<Long, Contact> contacts;

	final Map<Long, Location> locations;

	final Map<Long, Job> jobs;

	final Map<Long, Appointment> appointments;

	final Map<Long, Estimate> estimates;

	/** The tenant's office records, which drafts leave as they are. */
	private final Office office;

	private long nextId;

	CrmDraft(TenantCrm data) {
		businessUnits = byId(data.businessUnits());
		customers = byId(data.customers());
		contacts = byId(data.contacts());
		locations = byId(data.locations());
		jobs = byId(data.jobs());
		appointments = byId(data.appointments());
		estimates = byId(data.estimates());
		office = data.office();
		nextId = data.maxId() + 1;
	}

	/** An id no record of the tenant has. */
	long newId() {
		return nextId++;
	}

	void put(Job job) {
		jobs.put(job.id(), job);
	}

	/** Adds the appointment to its job, which counts it (and is modified then). */
	void add(Appointment appointment) {
		appointments.put(appointment.id(), appointment);
		put(jobs.get(appointment.jobId()).withAppointment(appointment.id(), appointment.createdOn()));
	}

	/** Adds the estimate to its job, which lists it (and is modified then). */
	void add(Estimate estimate) {
		estimates.put(estimate.id(), estimate);
		put(jobs.get(estimate.jobId()).withEstimate(estimate.id(), estimate.createdOn()));
	}

	TenantCrm toTenant() {
		return new TenantCrm(list(businessUnits), list(customers), list(contacts), list(locations), list(jobs),
				list(appointments), list(estimates), office);
	}

	private static <T extends CrmRecord> Map<Long, T> byId(List<T> records) {

		var map = new LinkedHashMap<Long, T>();
		records.forEach(record -> map.put(record.id(), record));
		return map;
	}

	private static <T> List<T> list(Map<Long, T> records) {
		return new ArrayList<>(records.values());
	}
}
