/**
 * Event contracts of the Lazi platform: the registry of CloudEvents types ({@link Events}: payload
 * record, topic and key rule of each), topic names and the JSON payload records carried on Kafka. Each
 * payload has a JSON Schema under {@code docs/events/}; contracts change only additively, and consumers
 * ignore unknown fields.
 */
@NullMarked
package io.lazi.platform.events;

import org.jspecify.annotations.NullMarked;
