/** The reactive services' security chain (WebSocket handshakes). */
@NullMarked
package io.lazi.platform.security.reactive;

import org.jspecify.annotations.NullMarked;
