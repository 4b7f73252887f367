package io.lazi.stingest.servicetitan;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * How st-ingest reaches ServiceTitan ({@code lazi.st-ingest.servicetitan.*}).
 *
 * @param authUrl host of {@code POST /connect/token}, e.g. {@code https://auth.servicetitan.io}
 * @param apiUrl host of the REST APIs, e.g. {@code https://api.servicetitan.io}
 * @param appKey the application key sent as {@code ST-App-Key} on every API call
 * @param tenants client credentials per ServiceTitan tenant id
 * @param tenantId single-tenant shortcut ({@code LAZI_ST_TENANT_ID}); when set, it and its
 *        {@code clientId}/{@code clientSecret} replace {@code tenants}
 * @param requestsPerSecond API calls per second per tenant, shared by all calls of that tenant
 * @param maxAttempts attempts of one API call (first try included) on 429, 5xx and I/O failures
 * @param initialBackoff wait before the second attempt when no {@code Retry-After} is given, doubled each time
 * @param maxBackoff upper bound of that wait
 * @param imageFetchConcurrency subcategories fetched by id at the same time per sync run
 * @param pageSize page size of list calls (ServiceTitan allows 1..5000)
 * @param tokenRenewalMargin a cached access token is renewed this long before it expires
 */
@ConfigurationProperties("lazi.st-ingest.servicetitan")
public record ServiceTitanProperties(@DefaultValue("http://localhost:8090") URI authUrl,
		@DefaultValue("http://localhost:8090") URI apiUrl, @DefaultValue("ak1.lazi-simulator") String appKey,
		@DefaultValue Map<String, Credentials> tenants, @Nullable String tenantId, @Nullable String clientId,
		@Nullable String clientSecret, @DefaultValue("58") int requestsPerSecond,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout,
		@DefaultValue("6") int maxAttempts, @DefaultValue("500ms") Duration initialBackoff,
		@DefaultValue("30s") Duration maxBackoff, @DefaultValue("8") int imageFetchConcurrency,
		@DefaultValue("5000") int pageSize, @DefaultValue("60s") Duration tokenRenewalMargin) {

	public ServiceTitanProperties {
		if (pageSize < 1 || pageSize > 5000) {
			throw new IllegalArgumentException("lazi.st-ingest.servicetitan.page-size must be 1..5000");
		}
		if (requestsPerSecond < 1 || maxAttempts < 1 || imageFetchConcurrency < 1) {
			throw new IllegalArgumentException(
					"lazi.st-ingest.servicetitan requests-per-second, max-attempts and image-fetch-concurrency must be positive");
		}
	}

	/** The tenants st-ingest serves, by ServiceTitan tenant id, sorted. */
	public Map<String, Credentials> effectiveTenants() {

		if (StringUtils.hasText(tenantId)) {
			if (!StringUtils.hasText(clientId) || !StringUtils.hasText(clientSecret)) {
				throw new IllegalStateException("LAZI_ST_TENANT_ID is set but LAZI_ST_CLIENT_ID or LAZI_ST_CLIENT_SECRET is missing");
			}
			return Map.of(tenantId.trim(), new Credentials(clientId.trim(), clientSecret.trim()));
		}
		return new TreeMap<>(tenants);
	}

	/**
	 * OAuth2 client credentials of one tenant (per app and tenant in ServiceTitan).
	 *
	 * @param clientId {@code cid.…}
	 * @param clientSecret {@code cs1.…}; never logged
	 */
	public record Credentials(String clientId, String clientSecret) {

		@Override
		public String toString() {
			return "Credentials[clientId=" + clientId + ", clientSecret=***]";
		}
	}
}
