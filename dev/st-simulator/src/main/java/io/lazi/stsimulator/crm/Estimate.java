package io.lazi.stsimulator.crm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * ServiceTitan's {@code Estimates.V2.EstimateResponse}. No total: the value is {@code subtotal + tax}.
 *
 * @param status Open {@code {0,"Open"}}, Sold {@code {1,"Sold"}} or Dismissed {@code {2,"Dismissed"}}
 */
public record Estimate(long id, long jobId, long locationId, long customerId, String name, String jobNumber,
		Status status, String reviewStatus, @Nullable String summary, Instant createdOn, Instant modifiedOn,
		@Nullable Instant soldOn, @Nullable Long soldBy, boolean active, BigDecimal subtotal, BigDecimal tax,
		long businessUnitId, String businessUnitName, boolean isRecommended, boolean isChangeOrder) implements CrmRecord {

	/** Open estimates. */
	public static final Status OPEN = new Status(0, "Open");

	/** Sold estimates. */
	public static final Status SOLD = new Status(1, "Sold");

	/** Dismissed estimates. */
	public static final Status DISMISSED = new Status(2, "Dismissed");

	private static final BigDecimal TAX_RATE = new BigDecimal("0.08");

	/** {@code Estimates.V2.EstimateStatusModel}. */
	public record Status(int value, String name) {
	}

	/** An open estimate of {@code job} with 8 % tax on {@code subtotal}. */
	public static Estimate open(long id, Job job, BusinessUnit unit, String name, BigDecimal subtotal, Instant at) {
		return new Estimate(id, job.id(), job.locationId(), job.customerId(), name, job.jobNumber(), OPEN, "None", null, at,
				at, null, null, true, subtotal, subtotal.multiply(TAX_RATE).setScale(2, RoundingMode.HALF_UP),
				unit.id(), unit.name(), false, false);
	}

	/** This estimate sold at {@code now} by employee {@code soldBy}. */
	public Estimate sold(long seller, Instant now) {
		return new Estimate(id, jobId, locationId, customerId, name, jobNumber, SOLD, reviewStatus, summary, createdOn,
				now, now, seller, active, subtotal, tax, businessUnitId, businessUnitName, isRecommended, isChangeOrder);
	}

	/** This estimate dismissed at {@code now}. */
	public Estimate dismissed(Instant now) {
		return new Estimate(id, jobId, locationId, customerId, name, jobNumber, DISMISSED, reviewStatus, summary,
				createdOn, now, null, null, active, subtotal, tax, businessUnitId, businessUnitName, isRecommended,
				isChangeOrder);
	}

	/** This estimate open again at {@code now} (ServiceTitan's unsell). */
	public Estimate reopened(Instant now) {
		return new Estimate(id, jobId, locationId, customerId, name, jobNumber, OPEN, reviewStatus, summary, createdOn,
				now, null, null, active, subtotal, tax, businessUnitId, businessUnitName, isRecommended, isChangeOrder);
	}
}
