package io.lazi.localstack;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lazi.localstack.process.StackPorts;

/**
 * How many instances of each of {@link LocalStack#SERVICES} the stack runs, and their ports. The identity
 * provider and the simulator (like Kafka and PostgreSQL) run once. Instance 1 of a service listens on the
 * service's port of {@link StackPorts}; {@link #offset} puts instance {@code n} on that port +
 * {@value #PORT_STEP}·(n−1) (gateway 8080, 9080, 10080, 11080), which {@code ./lazi up --replicas N} uses,
 * and {@link #free} on free ports, for tests beside a running stack.
 *
 * @param replicas instances per service, 1 to {@value #MAX_REPLICAS}
 * @param byService every service's instances, instance 1 first
 */
public record StackInstances(int replicas, Map<StackService, List<ServiceInstance>> byService) {

	/** The most instances per service the local stack runs: each is a JVM of its own on the same machine. */
	public static final int MAX_REPLICAS = 4;

	/** What the ports of instance {@code n} add to instance 1's: {@value} × (n − 1). */
	public static final int PORT_STEP = 1000;

	public StackInstances {
		checkReplicas(replicas);
		var copy = new EnumMap<StackService, List<ServiceInstance>>(StackService.class);
		byService.forEach((service, instances) -> copy.put(service, List.copyOf(instances)));
		byService = Map.copyOf(copy);
	}

	/**
	 * {@code replicas} instances of each service, instance {@code n} on the service's port +
	 * {@value #PORT_STEP}·(n−1).
	 * @throws IllegalArgumentException when {@code replicas} is not 1 to {@value #MAX_REPLICAS}, or a port
	 *         would pass 65435 (its management port must fit)
	 */
	public static StackInstances offset(StackPorts ports, int replicas) {

		checkReplicas(replicas);
		var byService = new EnumMap<StackService, List<ServiceInstance>>(StackService.class);
		for (var service : StackService.values()) {
			var count = LocalStack.SERVICES.contains(service) ? replicas : 1;
			var instances = new ArrayList<ServiceInstance>();
			for (var n = 1; n <= count; n++) {
				instances.add(new ServiceInstance(service, n, service.port(ports) + PORT_STEP * (n - 1)));
			}
			byService.put(service, instances);
		}
		return new StackInstances(replicas, byService);
	}

	/** As {@link #offset}, but instances 2.. on {@link StackPorts#freeHttpPort() free ports}. */
	public static StackInstances free(StackPorts ports, int replicas) {

		checkReplicas(replicas);
		var byService = new EnumMap<StackService, List<ServiceInstance>>(StackService.class);
		for (var service : StackService.values()) {
			var count = LocalStack.SERVICES.contains(service) ? replicas : 1;
			var instances = new ArrayList<ServiceInstance>();
			instances.add(new ServiceInstance(service, 1, service.port(ports)));
			for (var n = 2; n <= count; n++) {
				instances.add(new ServiceInstance(service, n, StackPorts.freeHttpPort()));
			}
			byService.put(service, instances);
		}
		return new StackInstances(replicas, byService);
	}

	/** The instances of {@code service}, instance 1 first. */
	public List<ServiceInstance> of(StackService service) {
		return byService.get(service);
	}

	/** Instance 1 of {@code service}. */
	public ServiceInstance first(StackService service) {
		return of(service).getFirst();
	}

	/** The instances of {@link LocalStack#SERVICES}, service by service in start order. */
	public List<ServiceInstance> services() {
		return LocalStack.SERVICES.stream().flatMap(service -> of(service).stream()).toList();
	}

	/**
	 * The ports instances 2.. listen on, by process name (and {@code <name> (management)}), to check
	 * beside {@link StackPorts#inUse}, which holds those of instance 1.
	 */
	public Map<String, Integer> additionalPorts() {

		var ports = new LinkedHashMap<String, Integer>();
		services().stream().filter(instance -> instance.number() > 1).forEach(instance -> {
			ports.put(instance.name(), instance.port());
			ports.put(instance.name() + " (management)", instance.managementPort());
		});
		return ports;
	}

	/**
	 * @throws IllegalArgumentException when {@code replicas} is not 1 to {@value #MAX_REPLICAS}
	 */
	public static void checkReplicas(int replicas) {

		if (replicas < 1 || replicas > MAX_REPLICAS) {
			throw new IllegalArgumentException(
					"Replicas must be 1 to " + MAX_REPLICAS + " (each is a JVM per service on this machine): " + replicas);
		}
	}
}
