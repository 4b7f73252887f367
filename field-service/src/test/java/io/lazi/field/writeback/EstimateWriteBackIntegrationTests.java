package io.lazi.field.writeback;

import static io.lazi.field.FieldFixtures.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import io.lazi.field.FieldFixtures;
import io.lazi.field.FieldIntegrationTest;
import io.lazi.platform.events.CommandOutcome;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.FieldAction;
import io.lazi.platform.events.FieldCommand;
import io.lazi.platform.events.FieldCommandCompleted;
import io.lazi.platform.events.OpportunityOutcomeMarked;
import io.lazi.platform.events.StEstimate;
import io.lazi.platform.events.Topics;
import io.lazi.platform.test.KafkaTestConsumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opportunities marked won or lost in the CRM: under {@code servicetitan} the estimate is sold or dismissed in
 * ServiceTitan by a command whose answer is reported; under {@code lazi} it is kept here and nothing leaves.
 */
@FieldIntegrationTest
class EstimateWriteBackIntegrationTests {

	private final MockMvc mvc;

	private final JsonMapper json;

	private final FieldFixtures st;

	private final KafkaTestConsumer commands = new KafkaTestConsumer(Topics.ST_COMMANDS);

	private final KafkaTestConsumer changed = new KafkaTestConsumer(Topics.FIELD_CHANGED);

	@Autowired
	EstimateWriteBackIntegrationTests(MockMvc mvc, KafkaTemplate<String, byte[]> kafka, JsonMapper json) {
		this.mvc = mvc;
		this.json = json;
		this.st = new FieldFixtures(kafka, json);
	}

	@AfterEach
	void close() {
		commands.close();
		changed.close();
	}

	@Test
	void sellsTheEstimateOfAWonOpportunityInServiceTitanAndReportsTheAnswer() throws Exception {

		var opportunity = UUID.randomUUID();
		st.marked(new OpportunityOutcomeMarked(st.tenant, opportunity, "won", 30, 10L, 7L, "manager-1", Instant.now()));

		var sent = commands.await(r -> r.key().equals(st.tenant + ":30"), FieldFixtures.TIMEOUT);
		var command = json.readValue(sent.getFirst().value(), FieldCommand.class);
		assertThat(command.action()).isEqualTo(FieldAction.SELL_ESTIMATE);
		assertThat(command.reference()).isEqualTo("opportunity:" + opportunity);
		assertThat(command.requestedBy()).isEqualTo("manager-1");
		assertThat(writeBacks(opportunity, "sent")).hasSize(1);

		st.answer(new FieldCommandCompleted(command.commandId(), st.tenant, FieldAction.SELL_ESTIMATE, 30,
				command.reference(), CommandOutcome.SUCCEEDED, 200, null, null, null, null, null,
				new StEstimate(30, 10L, 7L, "Pool heater", new StEstimate.Status(1, "Sold"), new BigDecimal("1000.00"),
						new BigDecimal("80.00"), st.now, true, 5L, "Pool - Sales", st.now, st.now.plusSeconds(5)),
				1, 0, 40, Instant.now()));
		var succeeded = writeBacks(opportunity, "succeeded");
		assertThat(json.readTree(succeeded.getFirst().value()).path("commandId").asText()).isEqualTo(command.commandId().toString());
	}

	@Test
	void keepsTheEstimateOfALaziTenantHereAndSendsNothing() throws Exception {

		mvc.perform(put("/api/v2/providers").with(st.as("OWNER")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"estimates\":\"lazi\"}")).andExpect(status().isOk());
		var opportunity = UUID.randomUUID();
		st.marked(new OpportunityOutcomeMarked(st.tenant, opportunity, "lost", 31, null, 7L, "manager-1", Instant.now()));

		assertThat(writeBacks(opportunity, "kept")).hasSize(1);
		assertThat(commands.drain(Duration.ofSeconds(1)).stream().filter(r -> r.key().startsWith(st.tenant + ":")))
			.isEmpty();
	}

	private List<ConsumerRecord<String, byte[]>> writeBacks(UUID opportunity, String status) {

		until(() -> !changed.await(r -> matches(r, opportunity, status), Duration.ofMillis(200)).isEmpty());
		return changed.records().stream().filter(r -> matches(r, opportunity, status)).toList();
	}

	private boolean matches(ConsumerRecord<String, byte[]> record, UUID opportunity, String status) {

		var type = record.headers().lastHeader("ce_type");
		return record.key().equals(st.tenant + ":" + opportunity) && type != null
				&& Events.FIELD_ESTIMATE_WRITTEN_BACK.name().equals(new String(type.value(), StandardCharsets.UTF_8))
				&& json.readTree(record.value()).path("status").asText().equals(status);
	}
}
