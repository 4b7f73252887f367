package io.lazi.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The database roles of the umbrella chart's values ({@code deploy/helm/lazi/values.yaml}) are the
 * local stack's {@link DatabaseRole}s: same names, schemas and extensions, credentials by secret reference.
 */
class HelmDatabaseValuesUnitTests {

	@Test
	void describeEveryServiceRoleAsTheLocalStackCreatesIt() throws IOException {

		var dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isRegularFile(dir.resolve("deploy/helm/lazi/values.yaml"))) {
			dir = dir.getParent();
		}
		assertThat(dir).isNotNull();
		var roles = new YAMLMapper().readTree(dir.resolve("deploy/helm/lazi/values.yaml").toFile()).path("database").path("roles");

		var described = new ArrayList<String>();
		for (var role : roles) {
			var extensions = new ArrayList<String>();
			role.path("extensions").forEach(extension -> extensions.add(extension.asText()));
			described.add(role.path("name").asText() + " " + role.path("schema").asText() + " " + extensions);
			assertThat(role.path("existingSecret").asText()).as(role.path("name").asText()).isNotBlank();
		}
		assertThat(described).containsExactlyElementsOf(
				DatabaseRole.ALL.stream().map(role -> role.name() + " " + role.schema() + " " + role.extensions()).toList());
	}
}
