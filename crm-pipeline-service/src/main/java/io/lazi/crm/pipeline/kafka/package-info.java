/**
 * Kafka adapters of the pipeline: the listener on the raw ServiceTitan topics, which decodes the CloudEvents
 * and hands them to {@link io.lazi.crm.pipeline.FactIngest}, and the {@code field.changed} listener, which hands
 * write-back reports and job assignments to {@link io.lazi.crm.pipeline.FieldChanges}.
 */
@NullMarked
package io.lazi.crm.pipeline.kafka;

import org.jspecify.annotations.NullMarked;
