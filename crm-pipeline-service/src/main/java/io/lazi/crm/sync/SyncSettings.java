package io.lazi.crm.sync;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * CRM sync settings ({@code lazi.crm.*}).
 *
 * @param sync where st-ingest answers
 * @param reconciliation how often every opportunity is re-derived
 */
@ConfigurationProperties("lazi.crm")
record SyncSettings(@DefaultValue Sync sync, @DefaultValue Reconciliation reconciliation) {

	/** @param stIngestUrl base URL of st-ingest-service */
	record Sync(@DefaultValue("http://localhost:8081") URI stIngestUrl, @DefaultValue("10s") Duration timeout) {
	}

	/** @param interval delay between two reconciliation passes */
	record Reconciliation(@DefaultValue("5m") Duration interval) {
	}
}
