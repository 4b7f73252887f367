package io.lazi.localstack;

/**
 * The Spring Boot processes of the local stack, in start order, each the runnable jar of its module.
 */
public enum StackService {

	/** The ServiceTitan simulator (the reference tenant's pricebook). */
	ST_SIMULATOR("st-simulator"),

	/** st-ingest-service. */
	ST_INGEST("st-ingest-service"),

	/** pricebook-service. */
	PRICEBOOK("pricebook-service"),

	/** notification-service. */
	NOTIFICATION("notification-service"),

	/** gateway-service. */
	GATEWAY("gateway-service");

	private final String module;

	StackService(String module) {
		this.module = module;
	}

	/** The Maven module, also the process name and log file name. */
	public String module() {
		return module;
	}

	/** The HTTP port of this service. */
	public int port(StackPorts ports) {

		return switch (this) {
			case ST_SIMULATOR -> ports.stSimulator();
			case ST_INGEST -> ports.stIngest();
			case PRICEBOOK -> ports.pricebook();
			case NOTIFICATION -> ports.notification();
			case GATEWAY -> ports.gateway();
		};
	}

	/** {@code http://localhost:<port>}. */
	public String baseUrl(StackPorts ports) {
		return "http://localhost:" + port(ports);
	}
}
