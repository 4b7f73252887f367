package io.lazi.identityprovider;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Boots the identity provider: an OAuth 2.1 / OpenID Connect authorization server (Spring
 * Authorization Server) that signs RS256 tokens for the users of each role of the simulator's
 * tenants, for the services (client credentials) and for {@code ./lazi token}. It stands in for the
 * production IdP (Keycloak, Auth0, Entra ID…); clients and users live in memory, the signing key in
 * {@code lazi.identity-provider.key-file}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityProviderApplication {

	/**
	 * Starts the identity provider.
	 *
	 * @param args command line arguments, passed to Spring Boot
	 */
	public static void main(String[] args) {
		SpringApplication.run(IdentityProviderApplication.class, args);
	}
}
