package io.lazi.field.provider.web;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.field.provider.ProviderChange;
import io.lazi.field.provider.Providers;
import io.lazi.field.record.Domain;
import io.lazi.field.record.Provider;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Tenant;

/**
 * The tenant's provider per domain. Reads need {@code pricebook:read}; a switch needs {@code settings:write}
 * (OWNER, ADMIN). An unknown domain or provider answers 400 naming it and changes nothing.
 */
@Tag(name = "Providers", description = "Which provider serves each domain of the tenant: `servicetitan`, `lazi` or `hybrid`.")
@RestController
@RequestMapping("/api/v2/providers")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProvidersController {

	private static final int HISTORY = 20;

	private final Providers providers;

	@Operation(summary = "Read the provider of each domain, with the last switches")
	@GetMapping
	ProviderSettings read(Tenant tenant) {
		return settings(tenant, List.of());
	}

	@Operation(summary = "Switch the provider of some domains",
			description = "Body: a map from domain (`customers`, `jobs`, `technicians`, `estimates`) to provider (`servicetitan`, `lazi`, `hybrid`). A switch to `lazi` copies the mirror of ServiceTitan into Lazi-owned records under the same ids, so nothing disappears. Audited and announced as `io.lazi.field.providers.changed.v1`.")
	@PutMapping
	ProviderSettings switchProviders(Tenant tenant, @RequestBody(required = false) @Nullable Map<String, String> body,
			@AuthenticationPrincipal Jwt user) {

		if (body == null || body.isEmpty()) {
			throw new InvalidInputException("body", "must map at least one domain to a provider");
		}
		var wanted = new EnumMap<Domain, Provider>(Domain.class);
		body.forEach((domain, provider) -> wanted.put(
				Domain.of(domain).orElseThrow(() -> new InvalidInputException(domain,
						"is no domain; domains are customers, jobs, technicians, estimates")),
				Provider.of(provider == null ? "" : provider).orElseThrow(() -> new InvalidInputException(domain,
						"provider must be servicetitan, lazi or hybrid, not " + provider))));
		return settings(tenant, providers.set(tenant.id(), wanted, user.getSubject()));
	}

	private ProviderSettings settings(Tenant tenant, List<ProviderChange> made) {

		var current = new LinkedHashMap<String, String>();
		providers.all(tenant.id()).forEach((domain, provider) -> current.put(domain.wire(), provider.wire()));
		return new ProviderSettings(current, made, providers.history(tenant.id(), HISTORY));
	}

	/**
	 * @param providers each domain with its provider
	 * @param changed the switches this request made (empty for a read)
	 * @param history the last switches, newest first
	 */
	record ProviderSettings(Map<String, String> providers, List<ProviderChange> changed, List<ProviderChange> history) {
	}
}
