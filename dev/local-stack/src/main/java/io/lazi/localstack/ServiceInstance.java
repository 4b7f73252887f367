package io.lazi.localstack;

import io.lazi.localstack.process.StackPorts;

/**
 * One process of a service: instance 1 is the service's own ({@code pricebook-service}, on its
 * {@link StackService#port port}), instances 2.. are further copies ({@code pricebook-service-2}) on ports
 * of their own, each with its management port at port + {@value StackPorts#MANAGEMENT_OFFSET}, its own
 * log file and pid.
 *
 * @param service the service
 * @param number 1 for the first instance, 2.. for the others
 * @param port its HTTP port
 */
public record ServiceInstance(StackService service, int number, int port) {

	public ServiceInstance {
		if (number < 1) {
			throw new IllegalArgumentException("Instance numbers start at 1: " + number);
		}
		StackPorts.management(port);
	}

	/** The process name, also its log file's name: the module for instance 1, {@code <module>-<n>} for the others. */
	public String name() {
		return number == 1 ? service.module() : service.module() + "-" + number;
	}

	/** Its management (actuator) port. */
	public int managementPort() {
		return StackPorts.management(port);
	}

	/** {@code http://localhost:<port>}. */
	public String baseUrl() {
		return "http://localhost:" + port;
	}

	/** {@code http://localhost:<management port>/actuator/health}. */
	public String healthUrl() {
		return "http://localhost:" + managementPort() + "/actuator/health";
	}
}
