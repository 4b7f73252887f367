/**
 * Per-tenant fan-out of notifications: one live channel and one bounded replay buffer per tenant,
 * a bounded buffer per session. Kafka feeds it ({@code kafka}), WebSocket sessions read it
 * ({@code web}).
 */
@NullMarked
package io.lazi.notification.fanout;

import org.jspecify.annotations.NullMarked;
