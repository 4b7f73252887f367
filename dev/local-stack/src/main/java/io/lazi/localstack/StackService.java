package io.lazi.localstack;

import io.lazi.localstack.process.StackPorts;

/**
 * The Spring Boot processes of the local stack, in start order, each the runnable jar of its module.
 */
public enum StackService {

	/** The ServiceTitan simulator (the reference tenant's pricebook). */
	ST_SIMULATOR("dev/st-simulator"),

	/** st-ingest-service. */
	ST_INGEST("st-ingest-service"),

	/** pricebook-service. */
	PRICEBOOK("pricebook-service"),

	/** crm-pipeline-service. */
	CRM_PIPELINE("crm-pipeline-service"),

	/** notification-service. */
	NOTIFICATION("notification-service"),

	/** image-service. */
	IMAGE("image-service"),

	/** gateway-service. */
	GATEWAY("gateway-service");

	private final String directory;

	StackService(String directory) {
		this.directory = directory;
	}

	/** The Maven module's name, also the process name and log file name. */
	public String module() {
		return directory.substring(directory.lastIndexOf('/') + 1);
	}

	/** The module's folder in the repository: the services at the root, the stand-ins under {@code dev/}. */
	public String directory() {
		return directory;
	}

	/** The HTTP port of this service. */
	public int port(StackPorts ports) {

		return switch (this) {
			case ST_SIMULATOR -> ports.stSimulator();
			case ST_INGEST -> ports.stIngest();
			case PRICEBOOK -> ports.pricebook();
			case CRM_PIPELINE -> ports.crmPipeline();
			case NOTIFICATION -> ports.notification();
			case IMAGE -> ports.image();
			case GATEWAY -> ports.gateway();
		};
	}

	/** {@code http://localhost:<port>}. */
	public String baseUrl(StackPorts ports) {
		return "http://localhost:" + port(ports);
	}
}
