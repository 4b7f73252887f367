package io.lazi.crm.lead;

import static io.lazi.crm.jooq.Tables.ACCOUNT;
import static io.lazi.crm.jooq.Tables.CONTACT;
import static io.lazi.crm.jooq.Tables.OPPORTUNITY;
import static io.lazi.crm.jooq.Tables.PIPELINE;
import static io.lazi.crm.jooq.Tables.STAGE;
import static io.lazi.crm.jooq.Tables.STAGE_HISTORY;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.lazi.crm.pipeline.Pipeline;
import io.lazi.crm.pipeline.Stage;
import io.lazi.crm.pipeline.StagesEntered;
import io.lazi.crm.record.Actor;

/**
 * STAND-IN for the account and deal modules' services (see {@link ConversionTargets}): plain inserts into
 * {@code account}, {@code contact} and {@code opportunity} (with its first {@code stage_history} row and the
 * pipeline's {@link StagesEntered} application event, as a stage entry by a user). Replace it with an adapter over
 * {@code io.lazi.crm.account.Accounts}/{@code Contacts} and {@code io.lazi.crm.deal.OpportunityRecords} once merged.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class JooqConversionTargets implements ConversionTargets {

	private static final String LAZI = "lazi";

	private final DSLContext dsl;

	private final ApplicationEventPublisher publisher;

	@Override
	public Optional<UUID> accountOfContact(String tenantId, UUID contactId) {
		return dsl.select(CONTACT.ACCOUNT_ID)
			.from(CONTACT)
			.where(CONTACT.TENANT_ID.eq(tenantId))
			.and(CONTACT.ID.eq(contactId))
			.and(CONTACT.DELETED_AT.isNull())
			.fetchOptional(CONTACT.ACCOUNT_ID);
	}

	@Override
	public UUID createAccount(String tenantId, NewAccount a, Actor actor) {

		var id = UUID.randomUUID();
		var now = now();
		dsl.insertInto(ACCOUNT)
			.set(ACCOUNT.TENANT_ID, tenantId)
			.set(ACCOUNT.ID, id)
			.set(ACCOUNT.NAME, a.name())
			.set(ACCOUNT.TYPE, a.type())
			.set(ACCOUNT.OWNER_ID, a.ownerId())
			.set(ACCOUNT.EMAIL, a.email())
			.set(ACCOUNT.PHONE, a.phone())
			.set(ACCOUNT.STREET, a.street())
			.set(ACCOUNT.CITY, a.city())
			.set(ACCOUNT.STATE, a.state())
			.set(ACCOUNT.ZIP, a.zip())
			.set(ACCOUNT.SOURCE, LAZI)
			.set(ACCOUNT.VERSION, 1)
			.set(ACCOUNT.CREATED_BY, actor.id())
			.set(ACCOUNT.CREATED_AT, now)
			.set(ACCOUNT.UPDATED_AT, now)
			.execute();
		return id;
	}

	@Override
	public UUID createContact(String tenantId, NewContact c, Actor actor) {

		var id = UUID.randomUUID();
		var now = now();
		dsl.insertInto(CONTACT)
			.set(CONTACT.TENANT_ID, tenantId)
			.set(CONTACT.ID, id)
			.set(CONTACT.ACCOUNT_ID, c.accountId())
			.set(CONTACT.NAME, c.name())
			.set(CONTACT.EMAIL, c.email())
			.set(CONTACT.PHONE, c.phone())
			.set(CONTACT.IS_PRIMARY, c.primary())
			.set(CONTACT.SOURCE, LAZI)
			.set(CONTACT.VERSION, 1)
			.set(CONTACT.CREATED_BY, actor.id())
			.set(CONTACT.CREATED_AT, now)
			.set(CONTACT.UPDATED_AT, now)
			.execute();
		return id;
	}

	@Override
	public UUID openOpportunity(String tenantId, NewOpportunity o, Actor actor) {

		var pipeline = Pipeline.valueOf(o.pipeline());
		var stage = o.stage() == null ? Stage.of(pipeline).getFirst() : Stage.valueOf(o.stage());
		if (stage.pipeline() != pipeline) {
			throw new IllegalArgumentException("Stage " + stage + " is not in pipeline " + pipeline);
		}
		seedCatalogue(tenantId);
		var id = UUID.randomUUID();
		var now = now();
		dsl.insertInto(OPPORTUNITY)
			.set(OPPORTUNITY.TENANT_ID, tenantId)
			.set(OPPORTUNITY.ID, id)
			.set(OPPORTUNITY.SOURCE, LAZI)
			.set(OPPORTUNITY.PIPELINE, pipeline.name())
			.set(OPPORTUNITY.STAGE, stage.name())
			.set(OPPORTUNITY.STATUS, stage.status().wire())
			.set(OPPORTUNITY.TITLE, o.title())
			.set(OPPORTUNITY.MONETARY_VALUE, o.amount())
			.set(OPPORTUNITY.AMOUNT_MANUAL, o.amount() != null)
			.set(OPPORTUNITY.ACCOUNT_ID, o.accountId())
			.set(OPPORTUNITY.PRIMARY_CONTACT_ID, o.primaryContactId())
			.set(OPPORTUNITY.LEAD_ID, o.leadId())
			.set(OPPORTUNITY.OWNER_ID, o.ownerId())
			.set(OPPORTUNITY.VERSION, 1)
			.set(OPPORTUNITY.CREATED_BY, actor.id())
			.set(OPPORTUNITY.STAGE_ENTERED_AT, now)
			.set(OPPORTUNITY.CREATED_AT, now)
			.set(OPPORTUNITY.UPDATED_AT, now)
			.execute();
		dsl.insertInto(STAGE_HISTORY)
			.set(STAGE_HISTORY.TENANT_ID, tenantId)
			.set(STAGE_HISTORY.OPPORTUNITY_ID, id)
			.set(STAGE_HISTORY.TO_PIPELINE, pipeline.name())
			.set(STAGE_HISTORY.TO_STAGE, stage.name())
			.set(STAGE_HISTORY.REASON, "Converted from lead")
			.set(STAGE_HISTORY.TRIGGER_TYPE, "user")
			.set(STAGE_HISTORY.TRIGGER_ID, actor.id())
			.set(STAGE_HISTORY.MOVED_AT, now)
			.execute();
		publisher.publishEvent(new StagesEntered(tenantId,
				List.of(new StagesEntered.Entered(id, null, null, stage, null, now))));
		return id;
	}

	/**
	 * The tenant's pipelines and stages, as the pipeline seeds them when it derives a first opportunity
	 * ({@code OpportunityRepository.seedCatalogue}, not public): a tenant may convert a lead before ServiceTitan
	 * gave it any.
	 */
	private void seedCatalogue(String tenantId) {

		if (dsl.fetchCount(STAGE, STAGE.TENANT_ID.eq(tenantId)) == Stage.values().length) {
			return;
		}
		var queries = new ArrayList<Query>();
		for (var pipeline : Pipeline.values()) {
			queries.add(dsl.insertInto(PIPELINE, PIPELINE.TENANT_ID, PIPELINE.KEY, PIPELINE.NAME, PIPELINE.POSITION)
				.values(tenantId, pipeline.name(), pipeline.displayName(), pipeline.ordinal())
				.onConflictDoNothing());
		}
		for (var stage : Stage.values()) {
			queries.add(dsl.insertInto(STAGE, STAGE.TENANT_ID, STAGE.PIPELINE, STAGE.KEY, STAGE.NAME, STAGE.POSITION,
					STAGE.MANUAL, STAGE.PROTECTED)
				.values(tenantId, stage.pipeline().name(), stage.name(), stage.displayName(), stage.position(),
						stage.manual(), stage.isProtected())
				.onConflictDoNothing());
		}
		dsl.batch(queries).execute();
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}
}
