package io.lazi.stingest.pricebook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Pricebook pulls ({@code lazi.st-ingest.pricebook.*}).
 *
 * @param incrementalOverlap how far before the cursor an incremental pull starts reading again
 */
@ConfigurationProperties("lazi.st-ingest.pricebook")
record PricebookProperties(@DefaultValue("2m") Duration incrementalOverlap) {
}
