package io.lazi.notification.fanout.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * WebSocket settings ({@code lazi.notification.websocket.*}).
 *
 * @param heartbeat interval of pings to each session, below the idle timeout of proxies on the way
 */
@ConfigurationProperties("lazi.notification.websocket")
record WebSocketProperties(@DefaultValue("25s") Duration heartbeat) {
}
