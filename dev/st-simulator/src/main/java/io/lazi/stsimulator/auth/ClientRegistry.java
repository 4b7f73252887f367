package io.lazi.stsimulator.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The tenants the simulator knows, their client credentials and the app key. Immutable after start.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ClientRegistry {

	private final AuthSettings settings;

	/**
	 * @param appKey a presented app key, may be null
	 * @return whether it is the simulated app's key
	 */
	public boolean isAppKey(@Nullable String appKey) {
		return appKey != null && constantTimeEquals(appKey, settings.appKey());
	}

	/**
	 * @param tenant a tenant id
	 * @return whether the simulator knows the tenant
	 */
	public boolean isKnownTenant(long tenant) {
		return settings.tenants().containsKey(tenant);
	}

	/**
	 * @param clientId a presented client id
	 * @return the tenant the client id belongs to, if any
	 */
	public Optional<Long> tenantOf(String clientId) {
		return settings.tenants().entrySet().stream()
			.filter(entry -> entry.getValue().clientId().equals(clientId))
			.map(Map.Entry::getKey)
			.findFirst();
	}

	/**
	 * @param clientId a presented client id
	 * @param clientSecret a presented client secret
	 * @return the tenant, when both match a registered client
	 */
	public Optional<Long> authenticate(String clientId, String clientSecret) {
		return tenantOf(clientId)
			.filter(tenant -> constantTimeEquals(clientSecret, settings.tenants().get(tenant).clientSecret()));
	}

	private static boolean constantTimeEquals(String presented, String expected) {
		return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
	}
}
