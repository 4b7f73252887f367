/**
 * Notification service: pushes the platform's Kafka events to the browsers of each event's tenant
 * over WebSocket.
 */
@NullMarked
package io.lazi.notification;

import org.jspecify.annotations.NullMarked;
