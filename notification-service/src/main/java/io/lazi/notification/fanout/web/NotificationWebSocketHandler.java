package io.lazi.notification.fanout.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import lombok.RequiredArgsConstructor;
import lombok.AccessLevel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
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
import reactor.core.publisher.Sinks;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams the notifications of the handshake's tenant ({@code X-Tenant-ID}) to one session, after
 * replaying what followed {@code ?cursor=} when given (the {@code cursor} of the last message the client got);
 * a notification addressed to a user reaches only the sessions whose handshake token's {@code sub} is that user.
 * Pings every heartbeat interval. Closes with
 * {@value #TOKEN_EXPIRED_CODE} when the token of the handshake expires, unless the client sent a fresh
 * one in time as {@code {"type":"authenticate","token":"…"}} (answered
 * {@code {"type":"authenticated","expiresAt":"…"}}; a refused one closes with {@value #TOKEN_REFUSED_CODE});
 * with 1008 when the client falls too far behind (it may reconnect with its cursor); with 1001 when the
 * service shuts down ({@link SessionDrain}). Other client
 * messages are ignored. platform-security caps sessions and handshakes before the upgrade.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class NotificationWebSocketHandler implements WebSocketHandler {

	/** Close code of a session whose token expired: sign in again and reconnect with {@code cursor}. */
	static final int TOKEN_EXPIRED_CODE = 4401;

	/** Close code of a session whose in-band token was refused. */
	static final int TOKEN_REFUSED_CODE = 4403;

	private static final CloseStatus TOKEN_EXPIRED = new CloseStatus(TOKEN_EXPIRED_CODE, "token expired");

	private static final CloseStatus TOKEN_REFUSED = new CloseStatus(TOKEN_REFUSED_CODE, "token refused");

	private static final Logger LOG = LoggerFactory.getLogger(NotificationWebSocketHandler.class);

	private final TenantChannels channels;

	private final Duration heartbeat;

	private final SessionAuthentication authentication;

	private final JsonMapper json;

	private final Clock clock;

	private final SessionDrain drain;

	@Override
	public Mono<Void> handle(WebSocketSession session) {

		var info = session.getHandshakeInfo();
		var tenant = Objects.requireNonNull(info.getHeaders().getFirst(TrustedHeaders.TENANT_ID),
				"platform-security admits no handshake without a checked tenant");
		return info.getPrincipal()
			.cast(JwtAuthenticationToken.class)
			.flatMap(token -> stream(session, tenant, token.getToken()));
	}

	private Mono<Void> stream(WebSocketSession session, String tenant, Jwt handshakeToken) {

		var user = handshakeToken.getSubject();
		var expiries = Sinks.many().replay().<Instant>latest();
		expiries.tryEmitNext(Objects.requireNonNull(handshakeToken.getExpiresAt(), "platform-security requires exp"));
		var replies = Sinks.many().unicast().<String>onBackpressureBuffer();
		// Closing goes through the outbound stream: it ends first, then the close frame is sent on its own.
		var closeWith = Sinks.<CloseStatus>one();
		var close = Mono.firstWithValue(closeWith.asMono(), drain.closing());

		var expiry = expiries.asFlux()
			.switchMap(expiresAt -> Mono.delay(max(Duration.between(clock.instant(), expiresAt))))
			.next()
			.doOnNext(tick -> closeWith.tryEmitValue(TOKEN_EXPIRED));
		var frames = channels.subscribe(tenant, user, resumeFrom(session)).map(session::textMessage);
		var pings = Flux.interval(heartbeat).map(tick -> session.pingMessage(factory -> factory.allocateBuffer(0)));
		var outbound = Flux.merge(frames, pings, replies.asFlux().map(session::textMessage)).takeUntilOther(close);
		var output = session.send(outbound)
			.then(close.flatMap(status -> {
				LOG.info("Closing session {} of tenant {}: {}", session.getId(), tenant, status.getReason());
				return session.close(status);
			}))
			.onErrorResume(SessionOverflowException.class, ex -> {
				LOG.warn("Closing session {} of tenant {}: {}", session.getId(), tenant, ex.getMessage());
				return session.close(CloseStatus.POLICY_VIOLATION.withReason("too slow; reconnect with cursor"));
			});
		var input = session.receive()
			.filter(message -> message.getType() == WebSocketMessage.Type.TEXT)
			.map(WebSocketMessage::getPayloadAsText)
			.concatMap(text -> renewal(text).map(token -> authentication.renew(token, user, tenant)
				.doOnNext(fresh -> {
					expiries.tryEmitNext(Objects.requireNonNull(fresh.getExpiresAt()));
					replies.tryEmitNext(json.writeValueAsString(Map.of("type", "authenticated", "expiresAt",
							fresh.getExpiresAt().toString())));
				})
				.then()
				.onErrorResume(refused -> {
					LOG.info("Session {} of tenant {}: in-band token refused ({})", session.getId(), tenant,
							refused.getMessage());
					closeWith.tryEmitValue(TOKEN_REFUSED);
					return Mono.empty();
				})).orElse(Mono.empty()))
			.then();
		LOG.debug("Session {} of tenant {} opened", session.getId(), tenant);
		return Mono.firstWithSignal(input, output, expiry.then(Mono.never()))
			.doFinally(signal -> LOG.debug("Session {} of tenant {} ended ({})", session.getId(), tenant, signal));
	}

	/** The token of an {@code authenticate} message; empty for any other message. */
	private java.util.Optional<String> renewal(String text) {

		try {
			var message = json.readTree(text);
			if ("authenticate".equals(message.path("type").asString(null)) && message.path("token").isString()) {
				return java.util.Optional.of(message.path("token").asString());
			}
		}
		catch (JacksonException ex) {
			// Not JSON: like any other message a client sends, it is ignored.
		}
		return java.util.Optional.empty();
	}

	private static Duration max(Duration left) {
		return left.isNegative() ? Duration.ZERO : left;
	}

	/**
	 * The {@code ?cursor=} to resume from; an older client's {@code ?lastEventId=} (an event id, no position) is
	 * passed on as one that is no cursor, so that it gets {@code resync}.
	 */
	private static @Nullable String resumeFrom(WebSocketSession session) {

		var query = UriComponentsBuilder.fromUri(session.getHandshakeInfo().getUri()).build().getQueryParams();
		var cursor = query.getFirst("cursor");
		if (cursor != null) {
			return URLDecoder.decode(cursor, StandardCharsets.UTF_8);
		}
		var lastEventId = query.getFirst("lastEventId");
		return lastEventId == null || lastEventId.isBlank() ? null : URLDecoder.decode(lastEventId, StandardCharsets.UTF_8);
	}
}
