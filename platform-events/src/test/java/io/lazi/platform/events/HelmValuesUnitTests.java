package io.lazi.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Kafka users of the umbrella chart's values ({@code deploy/helm/lazi/values.yaml}), which Strimzi
 * {@code KafkaUser} resources are rendered from, grant exactly the ACLs of {@link KafkaAccess}, and
 * every principal has one, with its password by secret reference.
 */
class HelmValuesUnitTests {

	@Test
	void kafkaUsersGrantExactlyTheAclsOfTheAccessTable() throws IOException {

		var values = new YAMLMapper().readTree(valuesFile().toFile());
		var users = values.path("kafka").path("users");
		var declared = new HashSet<String>();
		var names = new HashSet<String>();
		for (var user : users) {
			names.add(user.path("name").asText());
			assertThat(user.path("passwordSecret").path("existingSecret").asText()).as(user.path("name").asText())
				.isNotBlank();
			for (var acl : user.path("acls")) {
				for (var operation : acl.path("operations")) {
					declared.add(String.join(" ", user.path("name").asText(), acl.path("resource").path("type").asText(),
							acl.path("resource").path("name").asText(), acl.path("resource").path("patternType").asText(),
							operation.asText().toUpperCase(Locale.ROOT)));
				}
			}
		}
		var expected = new HashSet<String>();
		for (var acl : KafkaAccess.acls()) {
			expected.add(String.join(" ", acl.principal().user(), acl.kind().strimziType(), acl.name(),
					acl.prefixed() ? "prefix" : "literal", acl.operation().name()));
		}
		assertThat(declared).isEqualTo(expected);
		assertThat(names).isEqualTo(Set.copyOf(java.util.Arrays.stream(KafkaAccess.Principal.values())
			.map(KafkaAccess.Principal::user)
			.toList()));
		assertThat(values.path("kafka").path("authentication").asText()).isEqualTo("scram-sha-512");
	}

	private static Path valuesFile() {

		var dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isRegularFile(dir.resolve("deploy/helm/lazi/values.yaml"))) {
			dir = dir.getParent();
		}
		assertThat(dir).as("deploy/helm/lazi/values.yaml above the working directory").isNotNull();
		return dir.resolve("deploy/helm/lazi/values.yaml");
	}
}
