package io.lazi.crm.sync.kafka;

import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.lazi.crm.account.CustomerLinks;
import io.lazi.crm.pipeline.FactIngest;
import io.lazi.crm.sync.SyncRuns;
import io.lazi.platform.events.FieldCommandCompleted;
import io.lazi.platform.events.SyncCompleted;
import io.lazi.platform.events.SyncFailed;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.ReceivedEvent;

/**
 * Reads {@code sync.events} and hands completions and failures of {@code crm} runs to {@link SyncRuns}, and the
 * answers to customers created for converted leads' accounts to {@link CustomerLinks}; every other event, and types
 * this version does not know, are skipped.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SyncEventListener {

	private static final Logger LOG = LoggerFactory.getLogger(SyncEventListener.class);

	private final SyncRuns runs;

	private final CustomerLinks links;

	@KafkaListener(id = "crm-sync-events", topics = Topics.SYNC_EVENTS, groupId = FactIngest.CONSUMER)
	void onRecord(Optional<ReceivedEvent<?>> received) {

		received.ifPresent(event -> {
			switch (event.payload()) {
				case SyncCompleted completed when SyncRuns.RESOURCE.equals(completed.resource()) -> runs.ended(event);
				case SyncFailed failed when SyncRuns.RESOURCE.equals(failed.resource()) -> runs.ended(event);
				case FieldCommandCompleted completed when CustomerLinks.concerns(completed) -> links.link(completed);
				default -> LOG.trace("Skipping {}", event.type());
			}
		});
	}
}
