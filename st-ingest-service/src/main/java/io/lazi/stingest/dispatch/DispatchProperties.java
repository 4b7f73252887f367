package io.lazi.stingest.dispatch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Dispatch pulls ({@code lazi.st-ingest.dispatch.*}).
 *
 * @param incrementalOverlap how far before each feed's cursor an incremental pull starts reading again
 * @param afterCrm whether every completed {@code crm} run starts a dispatch run of the same type and trigger
 */
@ConfigurationProperties("lazi.st-ingest.dispatch")
record DispatchProperties(@DefaultValue("2m") Duration incrementalOverlap, @DefaultValue("true") boolean afterCrm) {
}
