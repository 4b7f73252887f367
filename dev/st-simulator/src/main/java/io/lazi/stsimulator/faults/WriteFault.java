package io.lazi.stsimulator.faults;

import org.jspecify.annotations.Nullable;

/**
 * A scripted failure of write calls, as {@code /admin/faults/items} carries it. The write calls are the category
 * writes ({@code POST /categories}, {@code PATCH} and {@code DELETE /categories/{id}}) and the CRM, JPM, dispatch
 * and sales writes, each naming the item it writes by a key: a category by its bare id ({@code "40000001"}), the
 * rest as {@code <resource>/<id>} ({@code "jobs/80000017"}, see the gateway's {@code WriteCall}).
 *
 * @param id the rule's id, assigned by the simulator
 * @param tenant the tenant whose write calls fail
 * @param categoryId only {@code PATCH}/{@code DELETE} of this category fail
 * @param item only writes of the item with this key fail (another way to name a category: its bare id)
 * @param status the status to answer: 409, 500 or 503
 * @param message the {@code title} of the {@code ApiErrorResponse} body
 * @param remaining how many more calls fail; -1 until reset. With neither {@code categoryId} nor {@code item},
 *        every write call of the tenant fails (creates included); a rule naming an item never fails a create.
 */
public record WriteFault(long id, long tenant, @Nullable Long categoryId, @Nullable String item, int status,
		String message, int remaining) {

	boolean matches(long callTenant, @Nullable String callItem) {
		return remaining != 0 && tenant == callTenant && WriteTargets.matches(categoryId, item, callItem);
	}

	WriteFault used() {
		return remaining < 0 ? this : new WriteFault(id, tenant, categoryId, item, status, message, remaining - 1);
	}
}
