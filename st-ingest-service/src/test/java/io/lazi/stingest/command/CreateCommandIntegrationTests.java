package io.lazi.stingest.command;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.lazi.platform.events.CommandAction;
import io.lazi.platform.events.CommandOutcome;
import io.lazi.platform.events.StCommand;
import io.lazi.platform.test.TestTokens;

class CreateCommandIntegrationTests extends CommandTestSupport {

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3 };

	@Autowired
	private JdbcClient jdbc;

	@Test
	void uploadsTheImageThenCreatesTheCategoryWithItsPath() {

		var tenant = freshTenant();
		var upload = UUID.randomUUID();
		stubUpload(tenant, upload);
		ST.stubFor(st("POST", tenant, "/images").willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"path\":\"Images/Category/pumps.png\"}")));
		var created = stored(9001, 500L, "Pool Pumps", Instant.now().truncatedTo(ChronoUnit.MILLIS));
		ST.stubFor(st("POST", tenant, "/categories").willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody(json.writeValueAsString(created.withImage("Images/Category/pumps.png")))));
		var command = command(tenant, CommandAction.CREATE_CATEGORY, -7, write("Pool Pumps", 500L, 2, upload, "Services"));

		var outcome = sendForOutcome(command);

		assertThat(outcome.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
		assertThat(outcome.stStatus()).isEqualTo(201);
		assertThat(outcome.stId()).isEqualTo(-7);
		assertThat(outcome.category().id()).isEqualTo(9001);
		assertThat(outcome.imagePath()).isEqualTo("Images/Category/pumps.png");
		assertThat(outcome.stCalls()).isEqualTo(2);
		assertCalledImageServiceWithItsServiceToken(upload);
		ST.verify(1, postRequestedFor(categoriesUrl(tenant, "/images"))
			.withAnyRequestBodyPart(aMultipart("file").withBody(binaryEqualTo(PNG))
				.withHeader("Content-Type", equalTo("image/png"))));
		ST.verify(1, postRequestedFor(categoriesUrl(tenant, "/categories")).withRequestBody(equalToJson("""
				{"name":"Pool Pumps","categoryType":"Services","parentId":500,"position":2,"image":"Images/Category/pumps.png"}""")));
	}

	@Test
	void failsWithoutWritingWhenImageServiceHasNoSuchUpload() {

		var tenant = freshTenant();
		var upload = UUID.randomUUID();
		ST.stubFor(WireMock.get(urlPathEqualTo("/internal/uploads/" + upload)).willReturn(aResponse().withStatus(404)));
		var command = command(tenant, CommandAction.UPDATE_CATEGORY, 420, write(null, null, null, upload, null));

		var outcome = sendForOutcome(command);

		assertThat(outcome.outcome()).isEqualTo(CommandOutcome.FAILED);
		assertThat(outcome.error()).isEqualTo("image upload " + upload + " not found in image-service");
		assertThat(outcome.stCalls()).isZero();
		ST.verify(0, postRequestedFor(categoriesUrl(tenant, "/images")));
		ST.verify(0, patchRequestedFor(categoriesUrl(tenant, "/categories/420")));
	}

	@Test // the issue: a crash between the ServiceTitan call and the result event does not lose the result
	void reusesTheSubcategoryALostCreateMadeInsteadOfPostingAgain() {

		var tenant = freshTenant();
		var command = command(tenant, CommandAction.CREATE_CATEGORY, -8, write("Salt Cells", 510L, null, null, "Services"));
		var startedAt = Instant.now().minusSeconds(20).truncatedTo(ChronoUnit.MILLIS);
		recordStarted(command, startedAt);
		var lost = stored(9002, 510L, "Salt Cells", startedAt.plusSeconds(1));
		var older = stored(8000, 510L, "Salt Cells", startedAt.minus(1, ChronoUnit.DAYS));
		ST.stubFor(st("GET", tenant, "/categories/510")
			.willReturn(okJson(json.writeValueAsString(stored(510, null, "Chlorinators", startedAt.minus(2, ChronoUnit.DAYS),
					older, lost)))));
		ST.stubFor(st("POST", tenant, "/categories").willReturn(aResponse().withStatus(201)));

		var outcome = sendForOutcome(command);

		assertThat(outcome.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
		assertThat(outcome.category().id()).isEqualTo(9002);
		assertThat(outcome.stId()).isEqualTo(-8);
		ST.verify(0, postRequestedFor(categoriesUrl(tenant, "/categories")));
		assertThat(attempts(command)).isEqualTo(2);
	}

	@Test
	void postsAgainWhenTheLostCreateLeftNoRootBehind() {

		var tenant = freshTenant();
		var command = command(tenant, CommandAction.CREATE_CATEGORY, -9, write("Fencing", null, null, null, "Materials"));
		var startedAt = Instant.now().minusSeconds(20).truncatedTo(ChronoUnit.MILLIS);
		recordStarted(command, startedAt);
		ST.stubFor(st("GET", tenant, "/categories").willReturn(okJson(json.writeValueAsString(Map.of("page", 1, "pageSize",
				50, "hasMore", false, "data", List.of(stored(700, null, "Decking", startedAt.plusSeconds(2))))))));
		ST.stubFor(st("POST", tenant, "/categories").willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody(json.writeValueAsString(stored(9003, null, "Fencing", Instant.now())))));

		var outcome = sendForOutcome(command);

		assertThat(outcome.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
		assertThat(outcome.category().id()).isEqualTo(9003);
		ST.verify(1, WireMock.getRequestedFor(categoriesUrl(tenant, "/categories"))
			.withQueryParam("createdOnOrAfter", equalTo(startedAt.minusSeconds(60).toString()))
			.withQueryParam("active", equalTo("Any")));
		ST.verify(1, postRequestedFor(categoriesUrl(tenant, "/categories")));
	}

	private void stubUpload(String tenant, UUID upload) {
		ST.stubFor(WireMock.get(urlPathEqualTo("/internal/uploads/" + upload))
			.withHeader("X-Tenant-ID", equalTo(tenant))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png").withBody(PNG)));
	}

	/** st-ingest asked image-service with a client-credentials token of the identity provider for the uploads API. */
	private static void assertCalledImageServiceWithItsServiceToken(UUID upload) {

		var calls = ST.findAll(WireMock.getRequestedFor(urlPathEqualTo("/internal/uploads/" + upload)));
		assertThat(calls).isNotEmpty();
		var authorization = calls.getFirst().getHeader("Authorization");
		assertThat(authorization).startsWith("Bearer ");
		assertThat(TestTokens.verifiedClaims(authorization.substring("Bearer ".length())))
			.containsEntry("sub", "st-ingest-service")
			.containsEntry("scope", "internal:uploads")
			.containsEntry("aud", List.of("image-service"));
	}

	/** The ledger as a process left it that crashed after calling ServiceTitan, before recording the outcome. */
	private void recordStarted(StCommand command, Instant startedAt) {
		jdbc.sql("""
				insert into st_command (command_id, tenant_id, push_id, action, st_id, status, started_at)
				values (?, ?, ?, ?, ?, 'STARTED', ?)""")
			.params(command.commandId(), command.tenantId(), command.pushId(), command.action().name(), command.stId(),
					OffsetDateTime.ofInstant(startedAt, ZoneOffset.UTC))
			.update();
	}

	private int attempts(StCommand command) {
		return jdbc.sql("select attempts from st_command where tenant_id = ? and command_id = ?")
			.params(command.tenantId(), command.commandId())
			.query(Integer.class)
			.single();
	}
}
