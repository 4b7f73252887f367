package io.lazi.identityprovider.clients;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.lazi.platform.events.access.InternalScope;

/**
 * The confidential clients of the services that call internal APIs: client id (the service's
 * {@code spring.application.name}) and the APIs it may ask a token for.
 */
public enum ServiceClient {

	/** st-ingest-service pushes override images it reads from image-service. */
	ST_INGEST("st-ingest-service", List.of(InternalScope.UPLOADS)),

	/** image-service lists ServiceTitan images through st-ingest. */
	IMAGE("image-service", List.of(InternalScope.SERVICETITAN_IMAGES)),

	/** crm-pipeline-service triggers st-ingest's CRM sync. */
	CRM_PIPELINE("crm-pipeline-service", List.of(InternalScope.SYNC)),

	/** pricebook-service checks that an override's image upload exists. */
	PRICEBOOK("pricebook-service", List.of(InternalScope.UPLOADS));

	private final String clientId;

	private final List<InternalScope> apis;

	ServiceClient(String clientId, List<InternalScope> apis) {
		this.clientId = clientId;
		this.apis = apis;
	}

	/** The client id, also the service's {@code spring.application.name}. */
	public String clientId() {
		return clientId;
	}

	/** The internal APIs this client may obtain tokens for. */
	public List<InternalScope> apis() {
		return apis;
	}

	/** The service client with {@code clientId}, if it is one. */
	public static Optional<ServiceClient> of(String clientId) {
		return Arrays.stream(values()).filter(client -> client.clientId.equals(clientId)).findFirst();
	}
}
