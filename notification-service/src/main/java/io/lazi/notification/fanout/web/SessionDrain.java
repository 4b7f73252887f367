package io.lazi.notification.fanout.web;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.reactive.socket.CloseStatus;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Closes every WebSocket session with 1001 (going away) when the service begins to shut down, before the
 * web server's graceful shutdown waits for open connections: a session would otherwise hold the process
 * for the whole shutdown phase and then be cut without a close frame. Clients reconnect, through the
 * gateway to another instance, with their {@code cursor} and miss nothing. A session that opens after
 * that is closed at once.
 */
final class SessionDrain implements SmartLifecycle {

	static final CloseStatus GOING_AWAY = CloseStatus.GOING_AWAY.withReason("server going away; reconnect with cursor");

	private final Sinks.One<CloseStatus> closing = Sinks.one();

	private volatile boolean running;

	/** Emits {@link #GOING_AWAY} once shutdown begins, at once to a session that subscribes later. */
	Mono<CloseStatus> closing() {
		return closing.asMono();
	}

	@Override
	public void start() {
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		closing.tryEmitValue(GOING_AWAY);
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Before the graceful shutdown of the web server, which then finds the sessions closing. */
	@Override
	public int getPhase() {
		return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE + 1;
	}
}
