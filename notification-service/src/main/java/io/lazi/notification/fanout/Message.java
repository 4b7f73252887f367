package io.lazi.notification.fanout;

/**
 * One JSON text frame for the browsers of a tenant, with the message name it carries (its {@code event}
 * field), by which {@code lazi.notification.messages} counts it.
 *
 * @param event the message name, e.g. {@code sync:completed} or {@code resync}
 * @param frame the text frame as sent
 */
record Message(String event, String frame) {
}
