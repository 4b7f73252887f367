package io.lazi.crm.record;

import static io.lazi.crm.jooq.Tables.ACCOUNT;
import static io.lazi.crm.jooq.Tables.CONTACT;
import static io.lazi.crm.jooq.Tables.LEAD;
import static io.lazi.crm.jooq.Tables.OPPORTUNITY;
import static io.lazi.crm.jooq.Tables.PROJECT;
import static io.lazi.crm.jooq.Tables.SERVICE_CASE;

import java.time.OffsetDateTime;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.stereotype.Component;

import io.lazi.platform.web.InvalidInputException;

/**
 * Whether a record another one points at exists: in the tenant, and not deleted. A reference to anything else is bad
 * input (400 naming the field), never a dangling link; another tenant's id counts as missing.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RelatedRecords {

	private final DSLContext dsl;

	/** True when {@code id} is a live record of {@code type} in {@code tenantId}. */
	public boolean exists(String tenantId, RecordType type, UUID id) {

		var target = target(type);
		return dsl.fetchExists(target.table(),
				target.tenant().eq(tenantId).and(target.id().eq(id)).and(target.deleted().isNull()));
	}

	/**
	 * Refuses a reference to a record that is not live in the tenant.
	 *
	 * @throws InvalidInputException naming {@code field} ({@code … does not exist})
	 */
	public void require(String tenantId, RecordType type, UUID id, String field) {
		if (!exists(tenantId, type, id)) {
			throw new InvalidInputException(field, type.wire() + " " + id + " does not exist");
		}
	}

	private static Target target(RecordType type) {
		return switch (type) {
			case LEAD -> new Target(LEAD, LEAD.TENANT_ID, LEAD.ID, LEAD.DELETED_AT);
			case ACCOUNT -> new Target(ACCOUNT, ACCOUNT.TENANT_ID, ACCOUNT.ID, ACCOUNT.DELETED_AT);
			case CONTACT -> new Target(CONTACT, CONTACT.TENANT_ID, CONTACT.ID, CONTACT.DELETED_AT);
			case OPPORTUNITY -> new Target(OPPORTUNITY, OPPORTUNITY.TENANT_ID, OPPORTUNITY.ID, OPPORTUNITY.DELETED_AT);
			case PROJECT -> new Target(PROJECT, PROJECT.TENANT_ID, PROJECT.ID, PROJECT.DELETED_AT);
			case CASE -> new Target(SERVICE_CASE, SERVICE_CASE.TENANT_ID, SERVICE_CASE.ID, SERVICE_CASE.DELETED_AT);
		};
	}

	private record Target(Table<?> table, Field<String> tenant, Field<UUID> id, Field<OffsetDateTime> deleted) {
	}
}
