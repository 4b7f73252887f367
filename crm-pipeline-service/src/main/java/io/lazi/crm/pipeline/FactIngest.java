package io.lazi.crm.pipeline;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
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
import io.lazi.platform.kafka.ReceivedEvent;

/**
 * Applies raw ServiceTitan records, each exactly once (checked and de-duplicated by
 * {@link ConsumedMessages#accept}): stores the record as a fact, then re-derives the opportunities of the
 * customers it concerns, in one transaction with the stage moves and their {@code crm.stage-moved} events.
 * Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class FactIngest {

	/** Consumer name under which applied event ids are recorded. */
	public static final String CONSUMER = "crm-pipeline-service";

	private final ConsumedMessages consumed;

	private final FactRepository facts;

	private final PipelineEngine engine;

	private final SyncTallies tallies;

	/**
	 * Applies one fetched record; a re-delivered event changes nothing.
	 *
	 * @param event its payload is a {@link StRecordFetched} of a {@link StCustomer}, {@link StLocation},
	 *        {@link StJob}, {@link StAppointment}, {@link StEstimate} or {@link StBusinessUnit}
	 * @throws IllegalArgumentException when the event can never be applied (missing fields, tenant mismatch,
	 *         another payload)
	 */
	@Transactional
	public void apply(ReceivedEvent<?> event) {

		if (!(event.payload() instanceof StRecordFetched<?> fetched)) {
			throw new IllegalArgumentException("Event " + event.id() + " of type " + event.type() + " is no raw record");
		}
		if (!consumed.accept(event, CONSUMER)) {
			return;
		}
		var tenantId = event.tenantId();
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		tallies.add(tenantId, fetched.syncRunId(), engine.rederive(tenantId, facts.store(tenantId, fetched.record(), now), now));
	}
}
