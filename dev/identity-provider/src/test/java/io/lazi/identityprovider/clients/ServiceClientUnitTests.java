package io.lazi.identityprovider.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.lazi.platform.events.access.InternalScope;

/**
 * The service clients are exactly the callers of the internal APIs: a service that calls one (or starts to) gets a
 * client, and one that calls none (notification-service, field-service) gets none, since a client without a scope
 * could obtain no token anyway ({@code invalid_scope}) and would only be a credential to keep.
 */
class ServiceClientUnitTests {

	@Test
	void registersEveryCallerOfAnInternalApiAndNoOneElse() {

		var callers = Arrays.stream(InternalScope.values()).flatMap(scope -> scope.callers().stream()).distinct().toList();

		assertThat(Arrays.stream(ServiceClient.values()).map(ServiceClient::clientId)).containsExactlyInAnyOrderElementsOf(callers);
		assertThat(ServiceClient.values()).allSatisfy(client -> assertThat(client.apis()).as(client.clientId()).isNotEmpty());
		assertThat(ServiceClient.of("field-service")).isEmpty();
		assertThat(ServiceClient.of("notification-service")).isEmpty();
	}
}
