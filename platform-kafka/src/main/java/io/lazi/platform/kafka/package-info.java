/**
 * Kafka defaults shared by every Lazi service: CloudEvents 1.0 binary-mode records, the
 * transactional outbox (state change and event commit together), consumer de-duplication and a
 * bounded retry policy that ends in the {@code <topic>-dlt} topic instead of dropping records.
 */
@NullMarked
package io.lazi.platform.kafka;

import org.jspecify.annotations.NullMarked;
