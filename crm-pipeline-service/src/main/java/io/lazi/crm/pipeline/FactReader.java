package io.lazi.crm.pipeline;

import static io.lazi.crm.jooq.Tables.APPOINTMENT;
import static io.lazi.crm.jooq.Tables.BUSINESS_UNIT;
import static io.lazi.crm.jooq.Tables.CUSTOMER;
import static io.lazi.crm.jooq.Tables.ESTIMATE;
import static io.lazi.crm.jooq.Tables.JOB;
import static io.lazi.crm.jooq.Tables.OPPORTUNITY;
import static org.jooq.impl.DSL.select;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import io.lazi.crm.pipeline.CustomerFacts.Appointment;
import io.lazi.crm.pipeline.CustomerFacts.Estimate;
import io.lazi.crm.pipeline.CustomerFacts.Job;

/**
 * Reads the facts of a set of customers in four set-based queries (joined to the ids, see {@link IdTable}),
 * resolving each job's pipeline
 * from its business unit's name.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class FactReader {

	private final DSLContext dsl;

	private final BusinessUnitMapping mapping;

	/** Facts per customer id; a customer nothing is known about gets empty facts. */
	Map<Long, CustomerFacts> load(String tenantId, Collection<Long> customerIds) {

		var wanted = IdTable.of("wanted", customerIds);
		var names = dsl.select(CUSTOMER.ST_CUSTOMER_ID, CUSTOMER.NAME)
			.from(wanted.table())
			.join(CUSTOMER)
			.on(CUSTOMER.TENANT_ID.eq(tenantId).and(CUSTOMER.ST_CUSTOMER_ID.eq(wanted.id())))
			.fetchMap(CUSTOMER.ST_CUSTOMER_ID, CUSTOMER.NAME);
		var jobs = new HashMap<Long, List<Job>>();
		dsl.select(JOB.CUSTOMER_ID, JOB.ST_ID, BUSINESS_UNIT.NAME, JOB.JOB_STATUS, JOB.CREATED_ON)
			.from(wanted.table())
			.join(JOB)
			.on(JOB.TENANT_ID.eq(tenantId).and(JOB.CUSTOMER_ID.eq(wanted.id())))
			.leftJoin(BUSINESS_UNIT)
			.on(BUSINESS_UNIT.TENANT_ID.eq(JOB.TENANT_ID).and(BUSINESS_UNIT.ST_ID.eq(JOB.BUSINESS_UNIT_ID)))
			.forEach(r -> jobs.computeIfAbsent(r.value1(), id -> new ArrayList<>())
				.add(new Job(r.value2(), mapping.pipeline(tenantId, r.value3()).orElse(null), r.value4(),
						r.value5() == null ? null : r.value5().toInstant())));
		var appointments = new HashMap<Long, List<Appointment>>();
		dsl.select(APPOINTMENT.CUSTOMER_ID, APPOINTMENT.ST_ID, APPOINTMENT.JOB_ID, APPOINTMENT.STATUS)
			.from(wanted.table())
			.join(APPOINTMENT)
			.on(APPOINTMENT.TENANT_ID.eq(tenantId).and(APPOINTMENT.CUSTOMER_ID.eq(wanted.id())))
			.forEach(r -> appointments.computeIfAbsent(r.value1(), id -> new ArrayList<>())
				.add(new Appointment(r.value2(), r.value3(), r.value4())));
		var estimates = estimates(tenantId, wanted);

		var facts = new HashMap<Long, CustomerFacts>();
		for (var id : customerIds) {
			facts.put(id, new CustomerFacts(id, names.get(id), jobs.getOrDefault(id, List.of()),
					appointments.getOrDefault(id, List.of()), estimates.getOrDefault(id, List.of())));
		}
		return facts;
	}

	/** Up to {@code limit} customers after {@code afterCustomerId} that have a job or an opportunity, in id order. */
	List<Long> customersAfter(String tenantId, long afterCustomerId, int limit) {
		return dsl.select(JOB.CUSTOMER_ID)
			.from(JOB)
			.where(JOB.TENANT_ID.eq(tenantId))
			.and(JOB.CUSTOMER_ID.gt(afterCustomerId))
			.union(select(OPPORTUNITY.ST_CUSTOMER_ID).from(OPPORTUNITY)
				.where(OPPORTUNITY.TENANT_ID.eq(tenantId))
				.and(OPPORTUNITY.ST_CUSTOMER_ID.gt(afterCustomerId)))
			.orderBy(1)
			.limit(limit)
			.fetch(0, Long.class);
	}

	/** Tenants with any job stored. */
	List<String> tenants() {
		return dsl.selectDistinct(JOB.TENANT_ID).from(JOB).fetch(JOB.TENANT_ID);
	}

	/** Estimates by customer: their own customer id, else their job's (two joins, each indexed). */
	private Map<Long, List<Estimate>> estimates(String tenantId, IdTable wanted) {

		var estimates = new HashMap<Long, List<Estimate>>();
		dsl.select(ESTIMATE.CUSTOMER_ID, ESTIMATE.ST_ID, ESTIMATE.JOB_ID, ESTIMATE.NAME, ESTIMATE.STATUS_VALUE,
				ESTIMATE.SUBTOTAL, ESTIMATE.TAX)
			.from(wanted.table())
			.join(ESTIMATE)
			.on(ESTIMATE.TENANT_ID.eq(tenantId).and(ESTIMATE.CUSTOMER_ID.eq(wanted.id())))
			.where(ESTIMATE.ACTIVE.isTrue())
			.unionAll(select(JOB.CUSTOMER_ID, ESTIMATE.ST_ID, ESTIMATE.JOB_ID, ESTIMATE.NAME, ESTIMATE.STATUS_VALUE,
					ESTIMATE.SUBTOTAL, ESTIMATE.TAX)
				.from(wanted.table())
				.join(JOB)
				.on(JOB.TENANT_ID.eq(tenantId).and(JOB.CUSTOMER_ID.eq(wanted.id())))
				.join(ESTIMATE)
				.on(ESTIMATE.TENANT_ID.eq(JOB.TENANT_ID).and(ESTIMATE.JOB_ID.eq(JOB.ST_ID)))
				.where(ESTIMATE.ACTIVE.isTrue())
				.and(ESTIMATE.CUSTOMER_ID.isNull()))
			.forEach(r -> estimates.computeIfAbsent(r.value1(), id -> new ArrayList<>())
				.add(new Estimate(r.value2(), r.value3(), r.value4(), r.value5(), value(r.value6(), r.value7()))));
		return estimates;
	}

	private static @Nullable BigDecimal value(@Nullable BigDecimal subtotal, @Nullable BigDecimal tax) {
		if (subtotal == null && tax == null) {
			return null;
		}
		return (subtotal == null ? BigDecimal.ZERO : subtotal).add(tax == null ? BigDecimal.ZERO : tax);
	}
}
