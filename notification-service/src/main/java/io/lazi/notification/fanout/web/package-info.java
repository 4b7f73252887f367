/** WebSocket side of the fan-out: {@code /ws}, one tenant per session. */
@NullMarked
package io.lazi.notification.fanout.web;

import org.jspecify.annotations.NullMarked;
