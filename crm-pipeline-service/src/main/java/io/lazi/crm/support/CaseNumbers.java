package io.lazi.crm.support;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-tenant case numbers 1, 2, 3…: the tenant's {@code case_number} row is created or incremented in one statement
 * and stays locked until the caller's transaction ends, so concurrent cases never share a number and a rolled-back
 * case gives its number back.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CaseNumbers {

	private static final String TAKE = """
			insert into case_number as n (tenant_id, next) values (?, 2)
			on conflict (tenant_id) do update set next = n.next + 1
			returning n.next - 1""";

	private final DSLContext dsl;

	/** The tenant's next case number, taken in the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	long take(String tenantId) {
		return dsl.resultQuery(TAKE, tenantId).fetchSingle().get(0, Long.class);
	}
}
