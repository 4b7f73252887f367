package io.lazi.identityprovider.clients;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.lazi.platform.events.access.InternalScope;

/**
 * The confidential clients of the services that call internal APIs: client id (the service's
 * {@code spring.application.name}) and the APIs it may ask a token for. A service that calls none
 * (notification-service, field-service) has no client: it only validates the tokens it is sent.
 */
public enum ServiceClient {

	/** st-ingest-service pushes override images it reads from image-service. */
	ST_INGEST("st-ingest-service"),

	/** image-service lists ServiceTitan images through st-ingest. */
	IMAGE("image-service"),

	/** crm-pipeline-service triggers st-ingest's CRM sync. */
	CRM_PIPELINE("crm-pipeline-service"),

	/** pricebook-service checks that an override's image upload exists. */
	PRICEBOOK("pricebook-service");

	private final String clientId;

	ServiceClient(String clientId) {
		this.clientId = clientId;
	}

	/** The client id, also the service's {@code spring.application.name}. */
	public String clientId() {
		return clientId;
	}

	/** The internal APIs this client may obtain tokens for ({@link InternalScope#callers()}). */
	public List<InternalScope> apis() {
		return InternalScope.grantedTo(clientId);
	}

	/** The service client with {@code clientId}, if it is one. */
	public static Optional<ServiceClient> of(String clientId) {
		return Arrays.stream(values()).filter(client -> client.clientId.equals(clientId)).findFirst();
	}
}
