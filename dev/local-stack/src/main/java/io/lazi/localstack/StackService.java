package io.lazi.localstack;

import java.util.Optional;

import io.lazi.localstack.infra.DatabaseRole;
import io.lazi.localstack.process.StackPorts;

/**
 * The Spring Boot processes of the local stack, in start order, each the runnable jar of its module.
 */
public enum StackService {

	/** The identity provider (OAuth 2 / OIDC), started first: every other process checks tokens against it. */
	IDENTITY_PROVIDER("dev/identity-provider"),

	/** The ServiceTitan simulator (the reference tenant's pricebook). */
	ST_SIMULATOR("dev/st-simulator"),

	/** st-ingest-service. */
	ST_INGEST("st-ingest-service"),

	/** pricebook-service. */
	PRICEBOOK("pricebook-service"),

	/** crm-pipeline-service. */
	CRM_PIPELINE("crm-pipeline-service"),

	/** field-service: the domain API v2 (customers, jobs, appointments, technicians, …). */
	FIELD("field-service"),

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
			case IDENTITY_PROVIDER -> ports.identityProvider();
			case ST_SIMULATOR -> ports.stSimulator();
			case ST_INGEST -> ports.stIngest();
			case PRICEBOOK -> ports.pricebook();
			case CRM_PIPELINE -> ports.crmPipeline();
			case FIELD -> ports.field();
			case NOTIFICATION -> ports.notification();
			case IMAGE -> ports.image();
			case GATEWAY -> ports.gateway();
		};
	}

	/** {@code http://localhost:<port>}. */
	public String baseUrl(StackPorts ports) {
		return "http://localhost:" + port(ports);
	}

	/** The port its actuator listens on: its port + {@value StackPorts#MANAGEMENT_OFFSET}. */
	public int managementPort(StackPorts ports) {
		return StackPorts.management(port(ports));
	}

	/** {@code http://localhost:<management port>/actuator/health}. */
	public String healthUrl(StackPorts ports) {
		return "http://localhost:" + managementPort(ports) + "/actuator/health";
	}

	/**
	 * Whether it calls other services' internal APIs with a client-credentials token, as the client
	 * {@link #module()} (its {@code spring.application.name}).
	 */
	public boolean callsInternalApis() {
		return this == ST_INGEST || this == PRICEBOOK || this == CRM_PIPELINE || this == IMAGE;
	}

	/** The PostgreSQL role it connects as; empty for the processes without a database. */
	public Optional<DatabaseRole> databaseRole() {

		return Optional.ofNullable(switch (this) {
			case ST_INGEST -> DatabaseRole.ST_INGEST;
			case PRICEBOOK -> DatabaseRole.PRICEBOOK;
			case CRM_PIPELINE -> DatabaseRole.CRM_PIPELINE;
			case FIELD -> DatabaseRole.FIELD;
			case IMAGE -> DatabaseRole.IMAGE;
			default -> null;
		});
	}
}
