package io.lazi.notification.fanout.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageNamesUnitTests {

	@ParameterizedTest
	@CsvSource({ "io.lazi.sync.started.v1, sync:started", "io.lazi.sync.completed.v1, sync:completed",
			"io.lazi.sync.failed.v1, sync:failed",
			"io.lazi.pricebook.categories.synced.v1, pricebook:categories:synced",
			"io.lazi.pricebook.category.created.v1, pricebook:categories:updated",
			"io.lazi.pricebook.category.updated.v1, pricebook:categories:updated",
			"io.lazi.pricebook.category.moved.v1, pricebook:categories:updated",
			"io.lazi.pricebook.category.deactivated.v1, pricebook:categories:updated",
			"io.lazi.pricebook.category.override-saved.v1, pricebook:categories:updated",
			"io.lazi.pricebook.category.deleted.v1, pricebook:categories:updated",
			"io.lazi.pricebook.category.pushed.v1, pricebook:categories:updated",
			"io.lazi.pricebook.category.conflict.v1, pricebook:categories:conflict",
			"io.lazi.pricebook.categories.pushed.v1, pricebook:categories:pushed",
			"io.lazi.crm.opportunity.stage-moved.v1, crm:stage-moved" })
	void namesEveryContractEventType(String ceType, String name) {
		assertThat(MessageNames.of(ceType)).contains(name);
	}

	@ParameterizedTest
	@ValueSource(strings = { "io.lazi.crm.stage-moved.v1", "io.lazi.sync.completed.v2", "io.lazi.st.category.fetched.v1",
			"io.lazi.st.command.completed.v1" })
	void namesNoOtherType(String ceType) {
		assertThat(MessageNames.of(ceType)).isEmpty();
	}
}
