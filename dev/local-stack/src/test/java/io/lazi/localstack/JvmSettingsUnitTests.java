package io.lazi.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** {@code ./lazi up --jvm production} runs each service as its chart does: its memory limit and heap share. */
class JvmSettingsUnitTests {

	@Test
	void givesEachServiceItsChartsMemoryLimitAndHeapShare() throws IOException {

		var dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isDirectory(dir.resolve("deploy/helm"))) {
			dir = dir.getParent();
		}
		assertThat(dir).isNotNull();
		for (var service : StackService.values()) {
			var values = new YAMLMapper().readTree(dir.resolve("deploy/helm/" + service.module() + "/values.yaml").toFile());
			var limit = values.path("resources").path("limits").path("memory").asText();
			var percentage = values.path("jvm").path("maxRamPercentage").asText();

			assertThat(limit).as(service.module()).matches("\\d+(Mi|Gi)");
			var mib = Integer.parseInt(limit.substring(0, limit.length() - 2)) * (limit.endsWith("Gi") ? 1024 : 1);
			assertThat(JvmSettings.PRODUCTION.options(service)).as(service.module())
				.containsExactly("-XX:MaxRAM=" + mib + "m", "-XX:MaxRAMPercentage=" + percentage,
						"-XX:+ExitOnOutOfMemoryError");
		}
	}

	@Test
	void takesStartupOrProductionInAnyCaseAndNothingElse() {

		assertThat(JvmSettings.of(null)).isEqualTo(JvmSettings.STARTUP);
		assertThat(JvmSettings.of(" Production ")).isEqualTo(JvmSettings.PRODUCTION);
		assertThat(JvmSettings.STARTUP.options(StackService.GATEWAY)).contains("-XX:TieredStopAtLevel=1");
		assertThatIllegalArgumentException().isThrownBy(() -> JvmSettings.of("fast")).withMessageContaining("LAZI_JVM");
	}
}
