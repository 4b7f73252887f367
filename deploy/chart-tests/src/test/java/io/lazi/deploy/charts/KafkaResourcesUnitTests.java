package io.lazi.deploy.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.lazi.platform.events.KafkaAccess;
import org.junit.jupiter.api.Test;

/**
 * Strimzi resources: one {@code KafkaUser} per service principal granting exactly the ACLs of
 * {@code kafka.users} (which platform-events' HelmValuesUnitTests holds to {@link KafkaAccess}), and one
 * {@code KafkaTopic} per platform topic and its {@code -dlt}.
 */
class KafkaResourcesUnitTests {

	private static final Rendered STRIMZI = HelmCharts.umbrella(Map.of("kafka.strimzi.users.enabled", true,
			"kafka.strimzi.topics.enabled", true));

	@Test
	void rendersNoStrimziResourceUnlessAsked() {

		assertThat(HelmCharts.umbrella(Map.of()).generic("KafkaUser")).isEmpty();
		assertThat(HelmCharts.umbrella(Map.of()).generic("KafkaTopic")).isEmpty();
	}

	@Test
	@SuppressWarnings("unchecked")
	void grantsEachPrincipalTheAclsOfItsValues() {

		var rendered = new HashSet<String>();
		for (var user : STRIMZI.generic("KafkaUser")) {
			assertThat(user.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "lazi");
			var spec = (Map<String, Object>) user.getAdditionalProperties().get("spec");
			var authentication = (Map<String, Object>) spec.get("authentication");
			assertThat(authentication).containsEntry("type", "scram-sha-512");
			var password = (Map<String, Map<String, Map<String, String>>>) authentication.get("password");
			assertThat(password.get("valueFrom").get("secretKeyRef"))
				.containsEntry("name", "lazi-kafka-" + user.getMetadata().getName())
				.containsEntry("key", "password");
			var authorization = (Map<String, Object>) spec.get("authorization");
			assertThat(authorization).containsEntry("type", "simple");
			for (var acl : (List<Map<String, Object>>) authorization.get("acls")) {
				var resource = (Map<String, String>) acl.get("resource");
				for (var operation : (List<String>) acl.get("operations")) {
					rendered.add(String.join(" ", user.getMetadata().getName(), resource.get("type"), resource.get("name"),
							resource.get("patternType"), operation.toUpperCase(Locale.ROOT)));
				}
			}
		}
		var declared = new HashSet<String>();
		HelmCharts.defaultValues(HelmCharts.UMBRELLA).path("kafka").path("users").forEach(user -> user.path("acls")
			.forEach(acl -> acl.path("operations").forEach(operation -> declared.add(String.join(" ",
					user.path("name").asText(), acl.path("resource").path("type").asText(),
					acl.path("resource").path("name").asText(), acl.path("resource").path("patternType").asText(),
					operation.asText().toUpperCase(Locale.ROOT))))));
		var access = new HashSet<String>();
		for (var acl : KafkaAccess.acls()) {
			access.add(String.join(" ", acl.principal().user(), acl.kind().strimziType(), acl.name(),
					acl.prefixed() ? "prefix" : "literal", acl.operation().name()));
		}
		assertThat(rendered).isEqualTo(declared).isEqualTo(access);
	}

	@Test
	@SuppressWarnings("unchecked")
	void createsEveryPlatformTopicWithItsDeadLetterTopic() {

		var topics = STRIMZI.generic("KafkaTopic");
		var names = new ArrayList<String>();
		for (GenericKubernetesResource topic : topics) {
			var spec = (Map<String, Object>) topic.getAdditionalProperties().get("spec");
			names.add((String) spec.get("topicName"));
			assertThat(topic.getMetadata().getName()).isEqualTo(spec.get("topicName"));
			assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "lazi");
			assertThat(spec).containsEntry("partitions", 3).containsEntry("replicas", 3);
			var config = (Map<String, String>) spec.get("config");
			assertThat(config).containsEntry("min.insync.replicas", "2")
				.containsEntry("retention.ms", topic.getMetadata().getName().endsWith("-dlt") ? "1209600000" : "604800000");
		}
		assertThat(names).containsExactlyInAnyOrderElementsOf(
				KafkaAccess.topics().stream().map(KafkaAccess.TopicAccess::topic).toList());
		assertThat(Set.copyOf(names)).hasSize(names.size());
	}
}
