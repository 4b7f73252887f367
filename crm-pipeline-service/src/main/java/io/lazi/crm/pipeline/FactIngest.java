package io.lazi.crm.pipeline;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.events.StAppointment;
import io.lazi.platform.events.StBusinessUnit;
import io.lazi.platform.events.StCustomer;
import io.lazi.platform.events.StEstimate;
import io.lazi.platform.events.StJob;
import io.lazi.platform.events.StLocation;
import io.lazi.platform.events.StRecordFetched;
import io.lazi.platform.kafka.ConsumedMessages;
import io.lazi.platform.kafka.IncomingEvent;

/**
 * Applies raw ServiceTitan records, each exactly once (by CloudEvents id): stores the record as a
 * fact, then re-derives the opportunities of the customers it concerns, in one transaction with the
 * stage moves and their {@code crm.stage-moved} events. Thread-safe.
 */
@Service
public class FactIngest {

	/** Consumer name under which applied event ids are recorded. */
	public static final String CONSUMER = "crm-pipeline-service";

	private static final Logger LOG = LoggerFactory.getLogger(FactIngest.class);

	private final ConsumedMessages consumed;

	private final FactRepository facts;

	private final PipelineEngine engine;

	private final SyncTallies tallies;

	FactIngest(ConsumedMessages consumed, FactRepository facts, PipelineEngine engine, SyncTallies tallies) {
		this.consumed = consumed;
		this.facts = facts;
		this.engine = engine;
		this.tallies = tallies;
	}

	/**
	 * Applies one fetched record; a re-delivered event changes nothing.
	 *
	 * @param fetched its {@code record} is a {@link StCustomer}, {@link StLocation}, {@link StJob}, {@link StAppointment},
	 *        {@link StEstimate} or {@link StBusinessUnit}
	 * @throws IllegalArgumentException when the event can never be applied (missing fields, tenant mismatch)
	 */
	@Transactional
	public void apply(IncomingEvent event, StRecordFetched<?> fetched) {

		var tenantId = tenant(event, fetched.tenantId());
		if (fetched.record() == null) {
			throw new IllegalArgumentException("Event " + event.id() + " carries no record");
		}
		if (!consumed.markConsumed(event.id(), CONSUMER)) {
			LOG.debug("Skipping already applied event {}", event.id());
			return;
		}
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		var outcome = engine.rederive(tenantId, store(tenantId, fetched.record(), now), now);
		if (fetched.syncRunId() != null) {
			tallies.add(tenantId, fetched.syncRunId(), outcome);
		}
	}

	/** Stores the record; returns the customers whose opportunity it may change. */
	private List<Long> store(String tenantId, Object record, OffsetDateTime now) {
		return switch (record) {
			case StCustomer c -> {
				require(c.name(), "record.name");
				facts.upsert(tenantId, c, now.toInstant());
				yield List.of(c.id());
			}
			case StLocation l -> {
				// Locations feed the contact view only; no pipeline rule reads them.
				facts.upsert(tenantId, l);
				yield List.of();
			}
			case StJob j -> {
				require(j.jobStatus(), "record.jobStatus");
				facts.upsert(tenantId, j);
				yield List.of(j.customerId());
			}
			case StAppointment a -> {
				require(a.status(), "record.status");
				facts.upsert(tenantId, a);
				yield List.of(a.customerId());
			}
			case StEstimate e -> {
				facts.upsert(tenantId, e);
				var customer = e.customerId() != null ? e.customerId()
						: e.jobId() == null ? null : facts.customerOfJob(tenantId, e.jobId());
				yield customer == null ? List.of() : List.of(customer);
			}
			case StBusinessUnit u -> {
				require(u.name(), "record.name");
				facts.upsert(tenantId, u);
				yield facts.customersOfBusinessUnit(tenantId, u.id());
			}
			default -> throw new IllegalArgumentException("Unsupported record " + record.getClass().getSimpleName());
		};
	}

	private static String tenant(IncomingEvent event, @Nullable String payloadTenant) {

		if (payloadTenant == null || payloadTenant.isBlank()) {
			throw new IllegalArgumentException("Event " + event.id() + " carries no tenantId");
		}
		if (event.tenantId() != null && !event.tenantId().equals(payloadTenant)) {
			throw new IllegalArgumentException("Event " + event.id() + " is for tenant " + event.tenantId()
					+ " but its payload for tenant " + payloadTenant);
		}
		return payloadTenant;
	}

	private static void require(@Nullable Object value, String field) {
		if (value == null) {
			throw new IllegalArgumentException("Event payload lacks " + field);
		}
	}
}
