package io.lazi.stingest.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.lazi.platform.test.TestTokens;
import io.lazi.stingest.IntegrationTestSupport;

/**
 * {@code POST /internal/sync/...}: the sync trigger of {@code /api/sync/...} for other services, open
 * only to a service token of scope {@code internal:sync} (crm-pipeline-service's) and only for starting.
 */
class InternalSyncIntegrationTests extends IntegrationTestSupport {

	@Test
	void startsASyncForAServiceTokenOfTheSyncScope() {

		var tenant = freshTenant();
		stubList(tenant, category(261, null, null, "2025-11-18T09:40:00Z"));

		var accepted = httpPost("/internal/sync/pricebook/full", tenant, TestTokens.service("internal:sync"));

		assertThat(accepted.status()).isEqualTo(202);
		var id = accepted.body().path("syncRunId").asString();
		assertThat(accepted.body().path("statusUrl").asString()).isEqualTo("/api/sync/pricebook/runs/" + id);
		assertThat(awaitEnd(tenant, id).path("status").asString()).isEqualTo("COMPLETED");
	}

	@Test
	void refusesUsersOtherScopesAndAnythingButStarting() {

		var tenant = freshTenant();
		var sync = TestTokens.service("internal:sync");

		assertThat(httpPost("/internal/sync/crm/full", tenant, null).status()).isEqualTo(401);
		assertThat(httpPost("/internal/sync/crm/full", tenant, owner(tenant)).status()).isEqualTo(403);
		assertThat(httpPost("/internal/sync/crm/full", tenant, TestTokens.service("internal:servicetitan-images")).status())
			.isEqualTo(403);
		var wrongAudience = TestTokens.service("crm-pipeline-service", "internal:sync", "image-service").sign();
		assertThat(httpPost("/internal/sync/crm/full", tenant, wrongAudience).status()).isEqualTo(401);
		assertThat(httpGet("/internal/sync/crm/status", tenant, sync).status()).isEqualTo(403);
		assertThat(httpPost("/api/sync/crm/full", tenant, sync).status()).isEqualTo(403);
		assertThat(httpGet("/api/sync/crm/status", tenant, owner(tenant)).status()).isEqualTo(200);
		assertThat(httpPost("/internal/sync/crm/full", null, sync).status()).isEqualTo(400);
	}
}
