package io.lazi.crm.pipeline;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * Published (as a Spring application event, synchronously, inside the transaction that stored them) after
 * ServiceTitan records concerning these customers were stored as facts, so that other CRM features keep what they
 * derive from a customer (its account and primary contact) in the same transaction. The customers' current facts are
 * in the {@code customer} table.
 *
 * @param stCustomerIds ServiceTitan customer ids whose records (customer, location, job, appointment or estimate)
 *        were stored; a customer's own record may not be among them, or may not exist yet
 */
public record CustomersApplied(String tenantId, Set<Long> stCustomerIds, OffsetDateTime at) {
}
