package io.lazi.platform.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@link Events#FIELD_PROVIDERS_CHANGED} on {@link Topics#FIELD_CHANGED}: an OWNER or ADMIN changed
 * which provider serves some of a tenant's domains. Key {@code {tenantId}}.
 *
 * @param providers every domain of the tenant with its provider after the change
 * @param changed the domains whose provider changed
 * @param changedBy the {@code sub} of the user who changed them
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProvidersChanged(String tenantId, List<DomainProvider> providers, List<String> changed,
		String changedBy, Instant changedAt) implements TenantPayload {

	/**
	 * @param domain {@code customers}, {@code jobs}, {@code technicians} or {@code estimates}
	 * @param provider {@code servicetitan}, {@code lazi} or {@code hybrid}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record DomainProvider(String domain, String provider) {
	}
}
