package io.lazi.notification.fanout;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Fan-out limits ({@code lazi.notification.fanout.*}).
 *
 * @param replaySize most events kept per tenant for resuming clients
 * @param replayWindow oldest event age kept per tenant for resuming clients
 * @param sessionBuffer live messages a session may fall behind before it is closed with 1008
 */
@ConfigurationProperties("lazi.notification.fanout")
record FanoutProperties(@DefaultValue("500") int replaySize, @DefaultValue("2m") Duration replayWindow,
		@DefaultValue("256") int sessionBuffer) {

	FanoutProperties {
		if (replaySize < 1 || sessionBuffer < 1) {
			throw new IllegalArgumentException("replay-size and session-buffer must be positive");
		}
	}
}
