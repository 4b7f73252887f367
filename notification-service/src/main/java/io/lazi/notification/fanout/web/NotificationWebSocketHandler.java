package io.lazi.notification.fanout.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.util.UriComponentsBuilder;

import io.lazi.notification.fanout.SessionOverflowException;
import io.lazi.notification.fanout.TenantChannels;
import io.lazi.platform.events.TrustedHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Streams the notifications of the handshake's tenant ({@code X-Tenant-ID}) to one session, after
 * replaying what followed {@code ?lastEventId=} when given. Pings every heartbeat interval; closes
 * with 1008 when the client falls too far behind (it may reconnect with its last id). Messages from
 * the client are read and ignored.
 */
final class NotificationWebSocketHandler implements WebSocketHandler {

	private static final Logger LOG = LoggerFactory.getLogger(NotificationWebSocketHandler.class);

	private final TenantChannels channels;

	private final Duration heartbeat;

	NotificationWebSocketHandler(TenantChannels channels, Duration heartbeat) {
		this.channels = channels;
		this.heartbeat = heartbeat;
	}

	@Override
	public Mono<Void> handle(WebSocketSession session) {

		var info = session.getHandshakeInfo();
		var tenant = Objects.requireNonNull(info.getHeaders().getFirst(TrustedHeaders.TENANT_ID),
				"platform-security admits no handshake without a checked tenant");
		var frames = channels.subscribe(tenant, lastEventId(session)).map(session::textMessage);
		var pings = Flux.interval(heartbeat).map(tick -> session.pingMessage(factory -> factory.allocateBuffer(0)));
		var output = session.send(Flux.merge(frames, pings))
			.onErrorResume(SessionOverflowException.class, ex -> {
				LOG.warn("Closing session {} of tenant {}: {}", session.getId(), tenant, ex.getMessage());
				return session.close(CloseStatus.POLICY_VIOLATION.withReason("too slow; reconnect with lastEventId"));
			});
		var input = session.receive().map(WebSocketMessage::getType).then();
		LOG.debug("Session {} of tenant {} opened", session.getId(), tenant);
		return Mono.firstWithSignal(input, output)
			.doFinally(signal -> LOG.debug("Session {} of tenant {} ended ({})", session.getId(), tenant, signal));
	}

	private static @Nullable String lastEventId(WebSocketSession session) {

		var raw = UriComponentsBuilder.fromUri(session.getHandshakeInfo().getUri())
			.build()
			.getQueryParams()
			.getFirst("lastEventId");
		return raw == null || raw.isBlank() ? null : URLDecoder.decode(raw, StandardCharsets.UTF_8);
	}
}
