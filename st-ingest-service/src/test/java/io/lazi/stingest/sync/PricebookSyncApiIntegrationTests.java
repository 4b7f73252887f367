package io.lazi.stingest.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

import io.lazi.platform.events.SyncType;
import io.lazi.platform.web.Tenant;
import io.lazi.stingest.IntegrationTestSupport;
import io.lazi.stingest.sync.persistence.SyncRunRepository;

class PricebookSyncApiIntegrationTests extends IntegrationTestSupport {

	@Autowired
	private SyncRunRepository runs;

	@Autowired
	private LeaseTasks leaseTasks;

	@Test
	void acceptsATriggerWithTheRunToFollow() {

		var tenant = freshTenant();
		stubList(tenant, category(201, null, null, "2025-11-18T09:40:00Z"));

		var accepted = httpPost("/api/sync/pricebook/full", tenant);

		assertThat(accepted.status()).isEqualTo(202);
		var id = accepted.body().path("syncRunId").asString();
		assertThat(accepted.body().path("status").asString()).isEqualTo("RUNNING");
		assertThat(accepted.body().path("syncType").asString()).isEqualTo("FULL");
		assertThat(accepted.body().path("statusUrl").asString()).isEqualTo("/api/sync/pricebook/runs/" + id);
		assertThat(accepted.headers().getFirst(HttpHeaders.LOCATION)).isEqualTo("/api/sync/pricebook/runs/" + id);
		assertThat(awaitEnd(tenant, id).path("trigger").asString()).isEqualTo("MANUAL");
	}

	@Test
	void reportsStatusWithRunningLastAndLastCompletedRuns() {

		var tenant = freshTenant();
		var empty = httpGet("/api/sync/pricebook/status", tenant).body();
		assertThat(empty.path("tenantId").asString()).isEqualTo(tenant);
		assertThat(empty.path("running").isNull()).isTrue();
		assertThat(empty.path("lastRun").isNull()).isTrue();
		assertThat(empty.path("cursor").isNull()).isTrue();

		stubList(tenant, category(211, null, null, "2025-11-18T09:40:00Z"));
		var completed = sync(tenant, "full");
		ST.stubFor(api(tenant, "/categories").atPriority(1).willReturn(status(404).withBody("{\"title\":\"gone\"}")));
		var failed = sync(tenant, "incremental");

		var status = httpGet("/api/sync/pricebook/status", tenant).body();
		assertThat(status.path("running").isNull()).isTrue();
		assertThat(status.path("lastRun").path("syncRunId").asString()).isEqualTo(failed.path("syncRunId").asString());
		assertThat(status.path("lastRun").path("status").asString()).isEqualTo("FAILED");
		assertThat(status.path("lastCompleted").path("syncRunId").asString())
			.isEqualTo(completed.path("syncRunId").asString());
		assertThat(status.path("lastCompleted").path("durationMs").isNumber()).isTrue();
		assertThat(status.path("cursor").asString()).isEqualTo("2025-11-18T09:38:00Z");
	}

	@Test
	void listsRunsNewestFirstInPages() {

		var tenant = freshTenant();
		stubList(tenant, category(221, null, null, "2025-11-18T09:40:00Z"));
		var first = sync(tenant, "full").path("syncRunId").asString();
		var second = sync(tenant, "incremental").path("syncRunId").asString();
		var third = sync(tenant, "full").path("syncRunId").asString();

		var page = httpGet("/api/sync/pricebook/logs?page=0&size=2", tenant).body();
		assertThat(page.path("items")).extracting(item -> item.path("syncRunId").asString()).containsExactly(third, second);
		assertThat(page.path("totalItems").asInt()).isEqualTo(3);
		assertThat(page.path("totalPages").asInt()).isEqualTo(2);
		assertThat(httpGet("/api/sync/pricebook/logs?page=1&size=2", tenant).body().path("items"))
			.extracting(item -> item.path("syncRunId").asString())
			.containsExactly(first);
	}

	@Test
	void rejectsAPageSizeOutsideOneToTwoHundred() {

		var tenant = freshTenant();
		for (var size : new String[] { "0", "201", "x" }) {
			var answer = httpGet("/api/sync/pricebook/logs?size=" + size, tenant);

			assertThat(answer.status()).isEqualTo(400);
			assertThat(answer.headers().getContentType()).hasToString("application/problem+json");
			assertThat(answer.body().path("field").asString()).isEqualTo("size");
		}
	}

	@Test
	void hidesAnotherTenantsRun() {

		var owner = freshTenant();
		var other = freshTenant();
		stubList(owner, category(231, null, null, "2025-11-18T09:40:00Z"));
		var run = sync(owner, "full").path("syncRunId").asString();

		assertThat(httpGet("/api/sync/pricebook/runs/" + run, other).status()).isEqualTo(404);
		assertThat(httpGet("/api/sync/pricebook/runs/" + UUID.randomUUID(), owner).status()).isEqualTo(404);
		assertThat(httpGet("/api/sync/pricebook/logs", other).body().path("totalItems").asInt()).isZero();
	}

	@Test
	void answers404ForATenantWithoutCredentialsAnd400WithoutATenant() {

		assertThat(httpPost("/api/sync/pricebook/full", "123").status()).isEqualTo(404);
		assertThat(httpGet("/api/sync/pricebook/status", "123").status()).isEqualTo(404);
		assertThat(httpPost("/api/sync/pricebook/full", null).status()).isEqualTo(400);
	}

	@Test
	void refusesASecondSyncWhileOneIsRunning() {

		var tenant = freshTenant();
		ST.stubFor(api(tenant, "/categories")
			.willReturn(okJson(page(false, category(241, null, null, "2025-11-18T09:40:00Z"))).withFixedDelay(1500)));
		var running = httpPost("/api/sync/pricebook/full", tenant).body().path("syncRunId").asString();

		var refused = httpPost("/api/sync/pricebook/incremental", tenant);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().path("type").asString()).isEqualTo("https://lazi.io/problems/conflict");
		assertThat(refused.body().path("syncRunId").asString()).isEqualTo(running);
		assertThat(httpGet("/api/sync/pricebook/status", tenant).body().path("running").path("syncRunId").asString())
			.isEqualTo(running);
		assertThat(awaitEnd(tenant, running).path("status").asString()).isEqualTo("COMPLETED");
		assertThat(httpGet("/api/sync/pricebook/logs", tenant).body().path("totalItems").asInt()).isEqualTo(1);
	}

	@Test
	void takesOverARunLeftRunningByAStoppedInstanceSoTheTenantSyncsAgain() {

		var tenant = freshTenant();
		stubList(tenant, category(251, null, null, "2025-11-18T09:40:00Z"));
		var orphan = SyncRun.started("pricebook.categories", new Tenant(tenant), SyncType.FULL, SyncTrigger.SCHEDULED, Clock.systemUTC().instant());
		runs.insertIfNoneRunning(orphan, "stopped-instance", Duration.ZERO, null, 0);

		leaseTasks.afterSingletonsInstantiated();

		var run = httpGet("/api/sync/pricebook/runs/" + orphan.id(), tenant).body();
		assertThat(run.path("status").asString()).isEqualTo("FAILED");
		assertThat(run.path("error").asString()).startsWith("Interrupted: instance stopped-instance stopped renewing its lease");
		var restart = httpGet("/api/sync/pricebook/logs", tenant).body().path("items").get(0);
		assertThat(restart.path("trigger").asString()).isEqualTo("SCHEDULED");
		assertThat(run.path("error").asString()).endsWith(" as run " + restart.path("syncRunId").asString());
		assertThat(awaitEnd(tenant, restart.path("syncRunId").asString()).path("status").asString()).isEqualTo("COMPLETED");
		assertThat(sync(tenant, "full").path("status").asString()).isEqualTo("COMPLETED");
	}
}
