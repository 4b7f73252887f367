package io.lazi.crm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BusinessUnitMappingUnitTests {

	private final BusinessUnitMapping mapping = new BusinessUnitMapping(new PipelineSettings(Duration.ofDays(14),
			Map.of("* - Sales", Pipeline.SALES, "* - Service", Pipeline.SALES, "* - Install", Pipeline.INSTALL),
			Map.of("42", Map.of("Remodel *", Pipeline.INSTALL))));

	@Test
	void mapsByTheDefaultPatternsIgnoringCase() {

		assertThat(mapping.pipeline("1", "Pool - Sales")).contains(Pipeline.SALES);
		assertThat(mapping.pipeline("1", "HVAC - service")).contains(Pipeline.SALES);
		assertThat(mapping.pipeline("1", "Pool - Install")).contains(Pipeline.INSTALL);
		assertThat(mapping.pipeline("1", "Pool - Admin")).isEmpty();
		assertThat(mapping.pipeline("1", null)).isEmpty();
	}

	@Test
	void consultsTheTenantsOwnPatternsFirst() {

		assertThat(mapping.pipeline("42", "Remodel North")).contains(Pipeline.INSTALL);
		assertThat(mapping.pipeline("1", "Remodel North")).isEmpty();
		assertThat(mapping.pipeline("42", "Pool - Sales")).contains(Pipeline.SALES);
	}
}
