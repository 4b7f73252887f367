/** Kafka side of the fan-out: platform CloudEvents in, notifications for one tenant out. */
@NullMarked
package io.lazi.notification.fanout.kafka;

import org.jspecify.annotations.NullMarked;
