package io.lazi.crm.lead;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.crm.record.Actor;
import io.lazi.crm.record.SearchTerms;
import io.lazi.crm.record.Versions;
import io.lazi.platform.web.ConflictException;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.PreconditionFailedException;
import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.platform.web.Tenant;

/**
 * Users' leads: create (announced as {@code crm.lead-created} in the same transaction), read, list, update and soft
 * delete, optimistically locked by version. A converted lead is history: it is neither updated nor deleted (409).
 * Another tenant's, an unknown or a deleted lead is not found (404). Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Leads {

	private final LeadRepository leads;

	private final LeadEvents events;

	/**
	 * Creates a lead owned by {@code input.ownerId()}, else by the creating user.
	 *
	 * @throws InvalidInputException naming the field when the input is not a valid lead
	 */
	@Transactional
	public LeadView create(Tenant tenant, LeadInput input, Actor actor) {

		var fields = LeadFields.of(input);
		var lead = leads.insert(tenant.id(), UUID.randomUUID(), fields,
				fields.ownerId() == null ? actor.id() : fields.ownerId(), actor.id(), now());
		events.created(tenant.id(), lead);
		return lead;
	}

	/**
	 * The lead {@code id} of the tenant.
	 *
	 * @throws ResourceNotFoundException when the tenant has no such live lead
	 */
	@Transactional(readOnly = true)
	public LeadView get(Tenant tenant, UUID id) {
		return leads.find(tenant.id(), id).orElseThrow(() -> notFound(id));
	}

	/**
	 * One page of the tenant's leads matching {@code query}; a blank {@code q} searches nothing.
	 *
	 * @throws InvalidInputException naming {@code q} (no word in it), {@code status}, {@code source} or {@code sort}
	 */
	@Transactional(readOnly = true)
	public Page<LeadView> list(Tenant tenant, LeadQuery query, PageRequest page) {

		var q = query.q();
		var filter = LeadRepository.filter(q == null || q.isBlank() ? null : SearchTerms.tsquery(q, "q"),
				query.status() == null ? null
						: WireEnums.parse(LeadStatus.class, LeadStatus::wire, query.status(), "status"),
				query.source() == null ? null
						: WireEnums.parse(LeadSource.class, LeadSource::wire, query.source(), "source"),
				query.ownerId() == null || query.ownerId().isBlank() ? null : query.ownerId().trim());
		var items = leads.page(tenant.id(), filter, query.sort(), page);
		return Page.of(items, page, leads.count(tenant.id(), filter));
	}

	/**
	 * Replaces the lead's editable fields (see {@link LeadInput}) and counts its version up.
	 *
	 * @param expected the version {@code If-Match} asked for, or null to update whatever is current
	 * @throws InvalidInputException naming the field when the input is not a valid lead
	 * @throws ResourceNotFoundException when the tenant has no such live lead
	 * @throws ConflictException when the lead is converted
	 * @throws PreconditionFailedException when {@code expected} is not the lead's version
	 */
	@Transactional
	public LeadView update(Tenant tenant, UUID id, LeadInput input, @Nullable Integer expected) {

		var fields = LeadFields.of(input);
		return leads.update(tenant.id(), id, fields, expected, now()).orElseThrow(() -> refusal(tenant, id));
	}

	/**
	 * Soft-deletes the lead: it disappears from reads and lists, records pointing at it keep their link.
	 *
	 * @param expected the version {@code If-Match} asked for, or null
	 * @throws ResourceNotFoundException when the tenant has no such live lead
	 * @throws ConflictException when the lead is converted
	 * @throws PreconditionFailedException when {@code expected} is not the lead's version
	 */
	@Transactional
	public void delete(Tenant tenant, UUID id, @Nullable Integer expected) {
		if (!leads.delete(tenant.id(), id, expected, now())) {
			throw refusal(tenant, id);
		}
	}

	/** Why a guarded write matched no row: the lead is missing, converted, or at another version. */
	private RuntimeException refusal(Tenant tenant, UUID id) {

		var current = leads.find(tenant.id(), id).orElse(null);
		if (current == null) {
			return notFound(id);
		}
		if (LeadStatus.CONVERTED.wire().equals(current.status())) {
			return converted(id);
		}
		return new PreconditionFailedException("Lead " + id, Versions.etag(current.version()));
	}

	static ResourceNotFoundException notFound(UUID id) {
		return new ResourceNotFoundException("Lead", id);
	}

	static ConflictException converted(UUID id) {
		return new ConflictException("status", "Lead " + id + " is converted; a converted lead does not change");
	}

	static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}
}
