/**
 * Kafka adapter of the pipeline: one listener on the raw ServiceTitan topics that decodes the CloudEvent
 * and hands it to {@link io.lazi.crm.pipeline.FactIngest}.
 */
@NullMarked
package io.lazi.crm.pipeline.kafka;

import org.jspecify.annotations.NullMarked;
