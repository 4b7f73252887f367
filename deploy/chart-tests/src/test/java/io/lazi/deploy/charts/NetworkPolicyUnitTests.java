package io.lazi.deploy.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The release denies all traffic by default, and each pod's own policy opens only what the platform needs:
 * the ingress controller reaches the gateway alone, the services' HTTP ports are reached by the gateway and
 * the internal callers named in docs/architecture.md, only st-ingest and image-service leave the cluster for
 * ServiceTitan on 443, and every allowed call is allowed on both ends.
 */
class NetworkPolicyUnitTests {

	static Stream<Named<Rendered>> renders() {

		return Stream.of(Named.of("default values", HelmCharts.umbrella(Map.of())),
				Named.of("production values", HelmCharts.production()), Named.of("with the stand-ins", HelmCharts
					.umbrella(Map.of("global.stSimulator.enabled", true, "global.identityProvider.enabled", true))));
	}

	private static NetworkPolicy policyOf(Rendered rendered, String chart) {
		return rendered.find(NetworkPolicy.class, HelmCharts.RELEASE + "-" + chart)
			.orElseThrow(() -> new AssertionError("no NetworkPolicy of " + chart));
	}

	/** The chart a peer's pod selector names, or null for a peer outside the release. */
	private static String chartOf(NetworkPolicyPeer peer) {

		if (peer.getPodSelector() == null || peer.getNamespaceSelector() != null || peer.getIpBlock() != null) {
			return null;
		}
		var labels = peer.getPodSelector().getMatchLabels();
		return HelmCharts.RELEASE.equals(labels.get("app.kubernetes.io/instance")) ? labels.get("app.kubernetes.io/name") : null;
	}

	private static List<Integer> ports(List<NetworkPolicyPort> ports) {
		return ports.stream().map(NetworkPolicyPort::getPort).map(IntOrString::getIntVal).filter(Objects::nonNull).toList();
	}

	@ParameterizedTest
	@MethodSource("renders")
	void deniesEverythingByDefault(Rendered rendered) {

		var deny = rendered.find(NetworkPolicy.class, "lazi-default-deny").orElseThrow();
		assertThat(deny.getSpec().getPodSelector().getMatchLabels()).containsExactly(Map.entry("app.kubernetes.io/instance", "lazi"));
		assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
		assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
		assertThat(deny.getSpec().getEgress()).isNullOrEmpty();
		for (var deployment : rendered.all(Deployment.class)) {
			var policy = policyOf(rendered, Rendered.chartOf(deployment));
			assertThat(policy.getSpec().getPodSelector().getMatchLabels())
				.isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
			assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
		}
	}

	@ParameterizedTest
	@MethodSource("renders")
	void letsTheIngressControllerReachOnlyTheGateway(Rendered rendered) {

		for (var deployment : rendered.all(Deployment.class)) {
			var chart = Rendered.chartOf(deployment);
			var fromController = policyOf(rendered, chart).getSpec().getIngress().stream()
				.flatMap(rule -> rule.getFrom().stream())
				.anyMatch(peer -> peer.getNamespaceSelector() != null && "ingress-nginx".equals(
						peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")));
			assertThat(fromController).as(chart).isEqualTo(chart.equals("gateway-service"));
		}
	}

	@ParameterizedTest
	@MethodSource("renders")
	void letsOnlyStIngestAndImageServiceOutOn443(Rendered rendered) {

		for (var deployment : rendered.all(Deployment.class)) {
			var chart = Rendered.chartOf(deployment);
			var egress = policyOf(rendered, chart).getSpec().getEgress();
			var to443 = egress.stream().anyMatch(rule -> ports(rule.getPorts()).contains(443));
			var toAnywhere = egress.stream().flatMap(rule -> rule.getTo().stream())
				.anyMatch(peer -> peer.getIpBlock() != null && peer.getIpBlock().getCidr().endsWith("/0"));
			var serviceTitan = chart.equals("st-ingest-service") || chart.equals("image-service");
			var simulated = rendered.find(Deployment.class, "lazi-st-simulator").isPresent();
			assertThat(to443).as("%s egress on 443", chart).isEqualTo(serviceTitan && !simulated);
			assertThat(toAnywhere).as("%s egress to 0.0.0.0/0", chart).isEqualTo(serviceTitan && !simulated);
			if (serviceTitan && !simulated) {
				var rule = egress.stream().filter(r -> ports(r.getPorts()).contains(443)).findFirst().orElseThrow();
				assertThat(rule.getTo()).singleElement().satisfies(peer -> assertThat(peer.getIpBlock().getExcept())
					.contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16"));
			}
		}
	}

	@ParameterizedTest
	@MethodSource("renders")
	void allowsEachCallOnBothEnds(Rendered rendered) {

		var expected = List.of("gateway-service -> st-ingest-service", "gateway-service -> pricebook-service",
				"gateway-service -> crm-pipeline-service", "gateway-service -> field-service",
				"gateway-service -> image-service", "gateway-service -> notification-service",
				"image-service -> st-ingest-service", "st-ingest-service -> image-service",
				"crm-pipeline-service -> st-ingest-service", "pricebook-service -> image-service");
		var egress = new ArrayList<String>();
		var ingress = new ArrayList<String>();
		for (var deployment : rendered.all(Deployment.class)) {
			var chart = Rendered.chartOf(deployment);
			var spec = policyOf(rendered, chart).getSpec();
			for (NetworkPolicyEgressRule rule : spec.getEgress()) {
				rule.getTo().stream().map(NetworkPolicyUnitTests::chartOf).filter(Objects::nonNull)
					.forEach(peer -> egress.add(chart + " -> " + peer));
			}
			for (NetworkPolicyIngressRule rule : spec.getIngress()) {
				assertThat(rule.getPorts()).isNotEmpty();
				rule.getFrom().stream().map(NetworkPolicyUnitTests::chartOf).filter(Objects::nonNull)
					.forEach(peer -> ingress.add(peer + " -> " + chart));
			}
		}
		assertThat(egress).containsAll(expected);
		assertThat(ingress).containsExactlyInAnyOrderElementsOf(egress);
		var standIns = rendered.find(Deployment.class, "lazi-st-simulator").isPresent();
		if (!standIns) {
			assertThat(egress).containsExactlyInAnyOrderElementsOf(expected);
		}
		else {
			assertThat(egress).contains("st-ingest-service -> st-simulator", "image-service -> st-simulator",
					"notification-service -> identity-provider")
				.noneMatch(call -> call.endsWith("st-simulator") && !call.startsWith("st-ingest-service")
						&& !call.startsWith("image-service"));
		}
	}

	@Test
	void letsPrometheusReachOnlyTheManagementPortWhenScraping() {

		var quiet = HelmCharts.umbrella(Map.of());
		var scraped = HelmCharts.production();
		for (var service : HelmCharts.SERVICES) {
			assertThat(policyOf(quiet, service).getSpec().getIngress()).allSatisfy(rule -> assertThat(rule.getPorts())
				.extracting(port -> port.getPort().getStrVal()).containsOnly("http"));
			var management = policyOf(scraped, service).getSpec().getIngress().stream()
				.filter(rule -> rule.getPorts().stream().anyMatch(port -> "management".equals(port.getPort().getStrVal())))
				.toList();
			assertThat(management).singleElement().satisfies(rule -> assertThat(rule.getFrom()).singleElement()
				.satisfies(peer -> assertThat(peer.getNamespaceSelector().getMatchLabels())
					.containsEntry("kubernetes.io/metadata.name", "monitoring")));
		}
	}

	@Test
	void reachesDnsKafkaAndTheDatabaseWhereUsed() {

		var rendered = HelmCharts.production();
		for (var service : HelmCharts.SERVICES) {
			var egressPorts = egressPorts(rendered, service);
			assertThat(egressPorts).as(service).contains(53, 8443);
			assertThat(egressPorts.contains(5432)).as(service + " reaches PostgreSQL")
				.isEqualTo(List.of("st-ingest-service", "pricebook-service", "image-service", "crm-pipeline-service",
						"field-service").contains(service));
			assertThat(egressPorts.contains(9093)).as(service + " reaches Kafka").isEqualTo(!service.equals("gateway-service"));
		}
	}

	@Test
	void letsOnlyTheGatewayAndPrometheusReachFieldServiceAndItOnlyTheDataPlaneAndTheIdentityProvider() {

		var rendered = HelmCharts.production();
		var spec = policyOf(rendered, "field-service").getSpec();
		assertThat(spec.getIngress()).extracting(rule -> rule.getPorts().getFirst().getPort().getStrVal() + " from "
				+ rule.getFrom().stream().map(peer -> {
					var chart = chartOf(peer);
					return chart != null ? chart
							: peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
				}).toList())
			.containsExactlyInAnyOrder("http from [gateway-service]", "management from [monitoring]");
		assertThat(spec.getEgress()).allSatisfy(rule -> assertThat(rule.getTo()).allSatisfy(peer -> assertThat(chartOf(peer))
			.as("field-service calls no other service").isNull()));
		assertThat(egressPorts(rendered, "field-service")).containsExactlyInAnyOrder(53, 53, 8080, 8443, 9092, 9093, 5432);
	}

	@Test // GH-13
	void letsTheServicesReachTheCollectorOnlyWhenTheyExportTraces() {

		var traced = HelmCharts.umbrella(Map.of("global.otel.tracing.enabled", true));
		for (var service : HelmCharts.SERVICES) {
			assertThat(egressPorts(HelmCharts.umbrella(Map.of()), service)).as(service).doesNotContain(4318);
			assertThat(egressPorts(traced, service)).as(service).contains(4317, 4318);
		}
	}

	private static List<Integer> egressPorts(Rendered rendered, String service) {
		return policyOf(rendered, service).getSpec().getEgress().stream().flatMap(rule -> ports(rule.getPorts()).stream()).toList();
	}
}
