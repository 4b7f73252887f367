package io.lazi.field.customer;

import static io.lazi.field.FieldFixtures.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import io.lazi.field.FieldFixtures;
import io.lazi.field.FieldIntegrationTest;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.FieldAction;
import io.lazi.platform.events.FieldCommand;
import io.lazi.platform.events.LeadConverted;
import io.lazi.platform.events.StAddress;
import io.lazi.platform.events.Topics;
import io.lazi.platform.test.KafkaTestConsumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Leads converted in the CRM ({@code crm.leads}): under the customers provider {@code servicetitan} their customer
 * is created in ServiceTitan by one {@code CREATE_CUSTOMER} command naming the account, however often the event
 * arrives; under {@code lazi}, and for a lead without an address, nothing leaves.
 */
@FieldIntegrationTest
class LeadCustomersIntegrationTests {

	private final MockMvc mvc;

	private final JsonMapper json;

	private final JdbcClient jdbc;

	private final FieldFixtures st;

	private final KafkaTestConsumer commands = new KafkaTestConsumer(Topics.ST_COMMANDS);

	@Autowired
	LeadCustomersIntegrationTests(MockMvc mvc, KafkaTemplate<String, byte[]> kafka, JsonMapper json, JdbcClient jdbc) {
		this.mvc = mvc;
		this.json = json;
		this.jdbc = jdbc;
		this.st = new FieldFixtures(kafka, json);
	}

	@AfterEach
	void close() {
		commands.close();
	}

	@Test
	void createsTheCustomerOfAConvertedLeadInServiceTitanOnceHoweverOftenTheEventArrives() {

		var lead = lead("1 Oak St", "Boise", "ID", "83702", true);
		var event = UUID.randomUUID();
		convert(event, lead);

		var sent = commands.await(r -> isFor(r, lead), FieldFixtures.TIMEOUT);
		assertThat(sent).hasSize(1);
		var command = json.readValue(sent.getFirst().value(), FieldCommand.class);
		assertThat(command.action()).isEqualTo(FieldAction.CREATE_CUSTOMER);
		assertThat(command.stId()).isNegative();
		assertThat(sent.getFirst().key()).isEqualTo(st.tenant + ":" + command.stId());
		assertThat(command.reference()).isEqualTo("crm-account:" + lead.accountId());
		assertThat(command.requestedBy()).isEqualTo("user-7");
		var write = command.write();
		assertThat(write.name()).isEqualTo("Whitfield Pools");
		assertThat(write.type()).isEqualTo("Residential");
		assertThat(write.address()).isEqualTo(new StAddress("1 Oak St", null, "Boise", "ID", "83702", "USA"));
		assertThat(write.email()).isEqualTo("dana@example.com");
		assertThat(write.phone()).isEqualTo("208-555-0142");

		// The same event again (a redelivery), then a copy under another id; same key, so the copy comes last.
		convert(event, lead);
		var copy = UUID.randomUUID();
		convert(copy, lead);
		until(() -> consumed(copy));

		assertThat(issued(lead)).isEqualTo(1);
		assertThat(commands.drain(Duration.ofSeconds(2)).stream().filter(r -> isFor(r, lead))).hasSize(1);
	}

	@Test
	void sendsNothingForATenantWhoseCustomersAreLazis() throws Exception {

		mvc.perform(put("/api/v2/providers").with(st.as("OWNER")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"customers\":\"lazi\"}")).andExpect(status().isOk());
		var lead = lead("1 Oak St", "Boise", "ID", "83702", true);
		var event = UUID.randomUUID();
		convert(event, lead);
		until(() -> consumed(event));

		assertThat(issued(lead)).isZero();
		assertThat(commands.drain(Duration.ofSeconds(1)).stream().filter(r -> r.key().startsWith(st.tenant + ":")))
			.isEmpty();
	}

	@Test
	void sendsNothingForALeadWithoutAnAddressNorForOneLinkedToAnExistingAccount() {

		var homeless = lead(null, "Boise", "ID", null, true);
		var linked = lead("1 Oak St", "Boise", "ID", "83702", false);
		var first = UUID.randomUUID();
		var second = UUID.randomUUID();
		convert(first, homeless);
		convert(second, linked);
		until(() -> consumed(first) && consumed(second));

		assertThat(issued(homeless)).isZero();
		assertThat(issued(linked)).isZero();
		assertThat(commands.drain(Duration.ofSeconds(1)).stream().filter(r -> r.key().startsWith(st.tenant + ":")))
			.isEmpty();
	}

	private LeadConverted lead(@Nullable String street, @Nullable String city, @Nullable String state,
			@Nullable String zip, boolean accountCreated) {
		return new LeadConverted(st.tenant, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				"SALES", accountCreated, true, "user-7", Instant.now(), "Whitfield Pools", "dana@example.com",
				"208-555-0142", street, city, state, zip);
	}

	private void convert(UUID event, LeadConverted lead) {
		st.fromCrm(event, Events.CRM_LEAD_CONVERTED, "lead/" + lead.leadId(), lead);
	}

	private boolean isFor(ConsumerRecord<String, byte[]> record, LeadConverted lead) {
		return record.key().startsWith(st.tenant + ":")
				&& ("crm-account:" + lead.accountId()).equals(json.readTree(record.value()).path("reference").asText());
	}

	private boolean consumed(UUID event) {
		return jdbc.sql("select count(*) from consumed_message where event_id = ? and consumer = 'field-service'")
			.param(event.toString())
			.query(Long.class)
			.single() > 0;
	}

	private long issued(LeadConverted lead) {
		return jdbc.sql("select count(*) from field_command where tenant_id = ? and reference = ?")
			.params(st.tenant, "crm-account:" + lead.accountId())
			.query(Long.class)
			.single();
	}
}
