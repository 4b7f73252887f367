package io.lazi.stsimulator.faults;

import org.jspecify.annotations.Nullable;

/**
 * A scripted failure of category write calls ({@code POST /categories}, {@code PATCH} and
 * {@code DELETE /categories/{id}}), as {@code /admin/faults/items} carries it.
 *
 * @param id the rule's id, assigned by the simulator
 * @param tenant the tenant whose write calls fail
 * @param categoryId only {@code PATCH}/{@code DELETE} of this category fail; null for every write
 * call of the tenant (creates included)
 * @param status the status to answer: 409, 500 or 503
 * @param message the {@code title} of the {@code ApiErrorResponse} body
 * @param remaining how many more calls fail; -1 until reset
 */
public record WriteFault(long id, long tenant, @Nullable Long categoryId, int status, String message, int remaining) {

	boolean matches(long callTenant, @Nullable Long callCategoryId) {
		return remaining != 0 && tenant == callTenant && (categoryId == null || categoryId.equals(callCategoryId));
	}

	WriteFault used() {
		return remaining < 0 ? this : new WriteFault(id, tenant, categoryId, status, message, remaining - 1);
	}
}
