package io.lazi.platform.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of this service's Kafka cluster: UP with the cluster id and the number of brokers when
 * {@code describeCluster} answers within the timeout, else DOWN with the reason. It belongs to the
 * readiness group of every service that uses Kafka (a pod that cannot reach the cluster takes no
 * traffic) and never to liveness (a dead broker must not restart every pod).
 *
 * <p>One {@link Admin} client, made on the first probe from the service's own admin settings (bootstrap
 * servers, security protocol, SASL and SSL, {@code spring.kafka.properties.*}), serves every later
 * probe and is closed with the context: a probe every few seconds opens no new connection. A client
 * that could not be made (e.g. the bootstrap host does not resolve yet) is tried again on the next
 * probe. Probes may run concurrently; each waits at most the timeout.
 */
public class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

	private final Map<String, Object> config;

	private final Duration timeout;

	private @Nullable Admin admin;

	private boolean closed;

	/**
	 * @param adminConfig the admin client's configuration, e.g. {@code KafkaAdmin.getConfigurationProperties()};
	 * copied, without {@code client.id} (a second client under the service's id would clash in JMX)
	 * @param timeout how long one probe waits for the cluster, also the client's request timeout
	 */
	public KafkaHealthIndicator(Map<String, Object> adminConfig, Duration timeout) {

		var copy = new HashMap<>(adminConfig);
		copy.remove(AdminClientConfig.CLIENT_ID_CONFIG);
		var millis = (int) Math.max(1, timeout.toMillis());
		copy.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
		copy.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
		this.config = Collections.unmodifiableMap(copy);
		this.timeout = timeout;
	}

	/** The admin client's configuration, as probes use it. */
	Map<String, Object> clientConfig() {
		return config;
	}

	@Override
	public Health health() {

		var bootstrap = bootstrapServers();
		Admin client;
		try {
			client = admin();
		}
		catch (RuntimeException ex) {
			return Health.down(ex).withDetail("bootstrapServers", bootstrap).build();
		}
		var millis = timeout.toMillis();
		var cluster = client.describeCluster(new DescribeClusterOptions().timeoutMs((int) millis));
		try {
			// A little beyond the request's own timeout, so that the client's TimeoutException (the better
			// reason) wins when both expire.
			var clusterId = cluster.clusterId().get(millis + 250, TimeUnit.MILLISECONDS);
			var nodes = cluster.nodes().get(250, TimeUnit.MILLISECONDS);
			return Health.up()
				.withDetail("clusterId", String.valueOf(clusterId))
				.withDetail("nodes", nodes.size())
				.build();
		}
		catch (ExecutionException ex) {
			return Health.down(ex.getCause() instanceof Exception cause ? cause : ex)
				.withDetail("bootstrapServers", bootstrap)
				.build();
		}
		catch (TimeoutException ex) {
			return Health.down()
				.withDetail("error", "no answer from the cluster within " + timeout)
				.withDetail("bootstrapServers", bootstrap)
				.build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.down(ex).build();
		}
	}

	/** {@code host:port[,host:port]}, however the configuration holds them (a list or a string). */
	private String bootstrapServers() {

		var servers = config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
		return servers instanceof Collection<?> list
				? list.stream().map(String::valueOf).collect(Collectors.joining(","))
				: String.valueOf(servers);
	}

	private synchronized Admin admin() {

		if (closed) {
			throw new IllegalStateException("closed with its application context");
		}
		if (admin == null) {
			admin = Admin.create(config);
		}
		return admin;
	}

	/** Closes the admin client, waiting at most the probe timeout for its requests. */
	@Override
	public synchronized void destroy() {

		closed = true;
		if (admin != null) {
			admin.close(timeout);
			admin = null;
		}
	}
}
