package io.lazi.deploy.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

/**
 * The ServiceTitan simulator and the local identity provider are stand-ins: absent unless asked for, and
 * when asked for, the services are wired to them.
 */
class StandInUnitTests {

	@Test
	void installsNoStandInByDefault() {

		for (var rendered : java.util.List.of(HelmCharts.umbrella(Map.of()), HelmCharts.production())) {
			assertThat(rendered.names()).noneMatch(name -> name.contains("st-simulator") || name.contains("identity-provider"));
			assertThat(rendered.all(Deployment.class)).extracting(Rendered::chartOf)
				.containsExactlyInAnyOrderElementsOf(HelmCharts.SERVICES);
		}
	}

	@Test
	void wiresTheServicesToTheStandInsWhenAsked() {

		var rendered = HelmCharts.umbrella(Map.of("global.stSimulator.enabled", true, "global.identityProvider.enabled", true));
		assertThat(rendered.deployment("st-simulator").getSpec().getReplicas()).isEqualTo(1);
		assertThat(rendered.deployment("identity-provider").getSpec().getReplicas()).isEqualTo(1);
		assertThat(rendered.find(PodDisruptionBudget.class, "lazi-st-simulator")).isEmpty();
		assertThat(rendered.environment("st-ingest-service")).containsEntry("LAZI_ST_API_URL", "http://lazi-st-simulator:8080")
			.containsEntry("LAZI_ST_AUTH_URL", "http://lazi-st-simulator:8080");
		assertThat(rendered.deployment("st-ingest-service").getSpec().getTemplate().getSpec().getContainers().getFirst()
			.getEnv()).as("the simulator's tenants are st-ingest's defaults").noneMatch(env -> env.getName().startsWith("LAZI_ST_"));
		assertThat(rendered.environment("identity-provider"))
			.containsEntry("LAZI_IDENTITY_PROVIDER_ISSUER", "http://lazi-identity-provider:8080");
		for (var service : HelmCharts.SERVICES) {
			assertThat(rendered.environment(service)).containsEntry("LAZI_SECURITY_ISSUER_URI", "http://lazi-identity-provider:8080");
		}
		var identityProvider = rendered.deployment("identity-provider").getSpec().getTemplate().getSpec();
		assertThat(identityProvider.getContainers().getFirst().getVolumeMounts())
			.anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/var/lib/identity-provider"));
	}

	@Test
	void trustsTheConfiguredIssuerOtherwise() {

		for (var service : HelmCharts.SERVICES) {
			assertThat(HelmCharts.production().environment(service))
				.containsEntry("LAZI_SECURITY_ISSUER_URI", "https://id.example.com/realms/lazi")
				.containsEntry("LAZI_SECURITY_JWK_SET_URI", "https://id.example.com/realms/lazi/protocol/openid-connect/certs");
		}
	}
}
