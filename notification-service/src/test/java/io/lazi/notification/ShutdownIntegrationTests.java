package io.lazi.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.web.reactive.socket.CloseStatus;

import io.lazi.notification.fanout.TenantChannels;
import io.lazi.platform.test.SharedInfrastructure;
import io.lazi.platform.test.TestIdentityProvider;

/**
 * A notification-service instance that shuts down (SIGTERM in a pod) closes its WebSocket sessions with
 * 1001 at once, so that clients reconnect to another instance, and so finishes its graceful shutdown
 * long before the shutdown phase's 20 s instead of waiting for the sessions.
 */
class ShutdownIntegrationTests {

	@Test
	void closesSessionsWithGoingAwayAndStopsWithoutWaitingForThem() {

		var context = new SpringApplicationBuilder(NotificationApplication.class, OwnNettyResources.class).run("--server.port=0",
				"--management.server.port=0", "--spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafkaBootstrapServers(),
				"--lazi.security.issuer-uri=" + TestIdentityProvider.get().issuer());
		var port = ((WebServerApplicationContext) context).getWebServer().getPort();
		var channels = context.getBean(TenantChannels.class);
		var tenant = "3222348441";
		try (var socket = TestSocket.open(URI.create("ws://localhost:" + port + "/ws"), tenant)) {
			await().atMost(Duration.ofSeconds(20)).until(() -> channels.openSessions(tenant) == 1);

			var started = System.nanoTime();
			context.close();
			var took = Duration.ofNanos(System.nanoTime() - started);

			assertThat(took).isLessThan(Duration.ofSeconds(10));
			await().atMost(Duration.ofSeconds(5)).until(() -> socket.closeStatus() != null);
			assertThat(socket.closeStatus().getCode()).isEqualTo(CloseStatus.GOING_AWAY.getCode());
		}
		finally {
			context.close();
		}
	}
}
