/**
 * Kafka adapter of the pipeline: one listener on the raw ServiceTitan topics that reads the CloudEvent and hands the record to {@link io.lazi.crm.pipeline.FactIngest}.
 */
@NullMarked
package io.lazi.crm.pipeline.kafka;

import org.jspecify.annotations.NullMarked;
