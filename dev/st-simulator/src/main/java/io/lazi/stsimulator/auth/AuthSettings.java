package io.lazi.stsimulator.auth;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated app registration: one app key for all tenants, and client credentials per tenant.
 * The defaults live in {@code application.yml}.
 *
 * @param appKey the {@code ST-App-Key} every API call must carry
 * @param tokenLifetime how long an access token is valid (ServiceTitan: 900 s)
 * @param scope the {@code scope} reported in token responses
 * @param tenants client credentials by tenant id; these are the tenants the simulator knows
 */
@ConfigurationProperties("lazi.st-simulator.auth")
record AuthSettings(String appKey, @DefaultValue("900s") Duration tokenLifetime,
		@DefaultValue("tn.pricebook") String scope, Map<Long, ClientCredentials> tenants) {

	/**
	 * One tenant's client credentials.
	 *
	 * @param clientId the client id ({@code cid.…})
	 * @param clientSecret the client secret ({@code cs1.…})
	 */
	record ClientCredentials(String clientId, String clientSecret) {
	}
}
