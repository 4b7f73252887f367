package io.lazi.stingest.crm;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * CRM pulls ({@code lazi.st-ingest.crm.*}).
 *
 * @param incrementalOverlap how far before each feed's cursor an incremental pull starts reading again
 */
@ConfigurationProperties("lazi.st-ingest.crm")
record CrmProperties(@DefaultValue("2m") Duration incrementalOverlap) {
}
