/**
 * Kafka adapter of the sync runs: the {@code sync.events} listener.
 */
@NullMarked
package io.lazi.crm.sync.kafka;

import org.jspecify.annotations.NullMarked;
