package io.lazi.deploy.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

/** Each service scales on CPU from two replicas up and keeps one pod through voluntary disruptions. */
class AutoscalingUnitTests {

	@Test
	void scalesEveryServiceOnCpuFromTwoReplicas() {

		for (var rendered : java.util.List.of(HelmCharts.umbrella(Map.of()), HelmCharts.production())) {
			assertThat(rendered.all(HorizontalPodAutoscaler.class)).hasSize(HelmCharts.SERVICES.size());
			for (var service : HelmCharts.SERVICES) {
				var deployment = rendered.deployment(service);
				var hpa = rendered.find(HorizontalPodAutoscaler.class, deployment.getMetadata().getName()).orElseThrow();
				assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
				assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
				assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
				assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
				assertThat(hpa.getSpec().getMetrics()).singleElement().satisfies(metric -> {
					assertThat(metric.getResource().getName()).isEqualTo("cpu");
					assertThat(metric.getResource().getTarget().getAverageUtilization()).isBetween(50, 90);
				});
				assertThat(deployment.getSpec().getReplicas()).as("the HPA owns the replica count").isNull();
			}
		}
		assertThat(HelmCharts.production().find(HorizontalPodAutoscaler.class, "lazi-gateway-service").orElseThrow()
			.getSpec().getMinReplicas()).isEqualTo(3);
	}

	@Test
	void keepsOnePodOfEveryServiceThroughDisruptions() {

		var rendered = HelmCharts.umbrella(Map.of());
		assertThat(rendered.all(PodDisruptionBudget.class)).hasSize(HelmCharts.SERVICES.size());
		for (var service : HelmCharts.SERVICES) {
			var deployment = rendered.deployment(service);
			var budget = rendered.find(PodDisruptionBudget.class, deployment.getMetadata().getName()).orElseThrow();
			assertThat(budget.getSpec().getSelector().getMatchLabels())
				.isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
			assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
			assertThat(budget.getSpec().getMaxUnavailable()).isNull();
		}
		var byUnavailable = HelmCharts.umbrella(Map.of("pricebook-service.podDisruptionBudget.maxUnavailable", 1));
		var budget = byUnavailable.find(PodDisruptionBudget.class, "lazi-pricebook-service").orElseThrow();
		assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
		assertThat(budget.getSpec().getMinAvailable()).isNull();
	}

	@Test
	void runsFixedReplicasWithoutAutoscaling() {

		var rendered = HelmCharts.umbrella(Map.of("notification-service.autoscaling.enabled", false,
				"notification-service.replicaCount", 3));
		assertThat(rendered.deployment("notification-service").getSpec().getReplicas()).isEqualTo(3);
		assertThat(rendered.find(HorizontalPodAutoscaler.class, "lazi-notification-service")).isEmpty();
		assertThat(rendered.find(PodDisruptionBudget.class, "lazi-notification-service")).isPresent();
	}

	@Test
	void splitsTheGatewaysTenantBudgetOverTheReplicasThatRunAtTheLeast() {

		assertThat(HelmCharts.umbrella(Map.of()).environment("gateway-service"))
			.containsEntry("LAZI_GATEWAY_RATE_LIMIT", "50")
			.containsEntry("LAZI_GATEWAY_RATE_LIMIT_PERIOD", "1s")
			.containsEntry("LAZI_GATEWAY_REPLICAS", "2");
		assertThat(HelmCharts.production().environment("gateway-service")).containsEntry("LAZI_GATEWAY_REPLICAS", "3");
		var fixed = HelmCharts.umbrella(Map.of("gateway-service.autoscaling.enabled", false,
				"gateway-service.replicaCount", 4, "gateway-service.rateLimit.limitForPeriod", 200));
		assertThat(fixed.environment("gateway-service")).containsEntry("LAZI_GATEWAY_REPLICAS", "4")
			.containsEntry("LAZI_GATEWAY_RATE_LIMIT", "200");
		assertThat(HelmCharts.umbrella(Map.of()).environment("pricebook-service"))
			.doesNotContainKey("LAZI_GATEWAY_REPLICAS");
	}
}
