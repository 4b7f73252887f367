package io.lazi.crm.support;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The read model and inputs of the cases API. */
public final class CaseViews {

	private CaseViews() {
	}

	/**
	 * A service case.
	 *
	 * @param caseNumber per tenant 1, 2, 3… in the order cases were opened; never reused
	 * @param type {@code warranty}, {@code complaint} or {@code question}
	 * @param contactId a contact of {@code accountId}, if any
	 * @param priority {@code low}, {@code medium}, {@code high} or {@code urgent}
	 * @param status {@code new}, {@code open}, {@code pending}, {@code resolved} or {@code closed}
	 * @param slaDueAt {@code openedAt} + the priority's SLA (urgent 4 h, high 24 h, medium 72 h, low 168 h)
	 * @param breached not resolved or closed, and past {@code slaDueAt}
	 * @param resolvedAt when it first became resolved or closed; cleared when it is reopened
	 * @param ownerId the user ({@code sub}) who looks after it
	 * @param version the optimistic lock, also the {@code ETag}
	 * @param openedAt when it was created
	 */
	public record CaseView(UUID id, long caseNumber, String type, String subject, @Nullable String description,
			UUID accountId, @Nullable UUID contactId, String priority, String status, Instant slaDueAt,
			boolean breached, @Nullable Instant resolvedAt, @Nullable String ownerId, int version, String createdBy,
			Instant openedAt, Instant updatedAt) {
	}

	/**
	 * What a case is made of, as created or as replaced by an update.
	 *
	 * @param subject 1..200 characters
	 * @param description at most 10,000 characters
	 * @param accountId an account of the tenant
	 * @param contactId a contact of that account
	 */
	public record CaseSpec(CaseType type, String subject, @Nullable String description, UUID accountId,
			@Nullable UUID contactId, CasePriority priority, CaseStatus status, @Nullable String ownerId) {
	}

	/** List filters; each null one does not filter. */
	public record CaseFilter(@Nullable CaseStatus status, @Nullable CasePriority priority, @Nullable UUID accountId,
			@Nullable String ownerId, @Nullable Boolean breached) {
	}
}
