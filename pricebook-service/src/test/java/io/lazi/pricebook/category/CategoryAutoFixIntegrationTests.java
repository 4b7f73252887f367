package io.lazi.pricebook.category;

import static io.lazi.pricebook.category.StCategories.root;
import static io.lazi.pricebook.category.StCategories.sub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import io.lazi.platform.events.CommandAction;
import io.lazi.platform.events.CommandOutcome;
import io.lazi.platform.events.StCommand;
import io.lazi.pricebook.ImageServiceStandIn;
import io.lazi.pricebook.IntegrationTestSupport;
import io.lazi.pricebook.PricebookIntegrationTest;
import io.lazi.pricebook.PricebookTestKit;
import io.lazi.pricebook.TenantApi;

@PricebookIntegrationTest
class CategoryAutoFixIntegrationTests extends IntegrationTestSupport {

	private static final UUID UPLOAD = UUID.fromString("0d7c1b9e-51a4-4c1e-b2a8-3f61a5c0e7d2");

	private final StIngestCommands stIngest = stIngestCommands();

	@Autowired
	CategoryAutoFixIntegrationTests(PricebookTestKit kit) {
		super(kit);
	}

	@BeforeEach
	void storeTree() {
		records.store(root(1, "Pool", 0, sub(11, 1, "Equipment", 0, sub(111, 11, "Filters", 0)), sub(12, 1, "Service", 1)));
	}

	@Test
	void reparentsUnderTheNearestAncestorServiceTitanStillHas() {

		api.post("/api/pricebook/categories/subcategories/111/reorder", "{\"position\": 0, \"parentStId\": 12}");
		var failed = failFirstPush(1, 400, "parentId: Category 12 does not exist");
		assertThat(failed.write().parentId()).isEqualTo(12L);

		var error = awaitError("reparent");
		var fixed = api.post("/api/pricebook/categories/errors/" + error + "/auto-fix");

		assertThat(fixed).hasStatusOk().bodyJson().extractingPath("$.action").isEqualTo("reparent");
		var retry = stIngest.awaitCommands(2).getLast();
		assertThat(retry.write().parentId()).isEqualTo(1L);
		assertThat(retry.pushId()).hasToString(TenantApi.read(fixed, "$.pushId"));
		assertThat(api.get("/api/pricebook/categories/111")).bodyJson().isLenientlyEqualTo("""
				{"parentStId": 1, "path": "1.111", "depth": 1, "pushError": null}""");
	}

	@Test
	void recreatesAnItemServiceTitanDeleted() {

		api.post("/api/pricebook/categories/subcategories/12/override", "{\"name\": \"Services\"}");
		push();
		stIngest.answer(stIngest.awaitCommands(1).getFirst(), CommandOutcome.NOT_FOUND, 404, "Not found", null);

		var error = awaitError("recreate");
		assertThat(api.get("/api/pricebook/categories/errors")).bodyJson().isLenientlyEqualTo("""
				[{"stId": 12, "action": "UPDATE_CATEGORY", "stStatus": 404, "message": "deleted in ServiceTitan"}]""");
		assertThat(api.post("/api/pricebook/categories/errors/" + error + "/auto-fix")).hasStatusOk();

		var create = stIngest.awaitCommands(2).getLast();
		assertThat(create.action()).isEqualTo(CommandAction.CREATE_CATEGORY);
		assertThat(create.write()).extracting(w -> w.name(), w -> w.parentId()).containsExactly("Services", 1L);
	}

	@Test
	void dropsAMissingImageAndPushesTheRest() {

		ImageServiceStandIn.upload(tenant, UPLOAD);
		api.post("/api/pricebook/categories/subcategories/12/override",
				"{\"name\": \"Services\", \"imageUploadId\": \"%s\"}".formatted(UPLOAD));
		failFirstPush(1, 400, "Image upload " + UPLOAD + " not found");

		var error = awaitError("drop_image");
		assertThat(api.post("/api/pricebook/categories/errors/" + error + "/auto-fix")).hasStatusOk();

		var retry = stIngest.awaitCommands(2).getLast();
		assertThat(retry.write()).extracting(w -> w.name(), w -> w.imageUploadId()).containsExactly("Services", null);
		assertThat(api.get("/api/pricebook/categories/12")).bodyJson().isLenientlyEqualTo("""
				{"pendingFields": ["name"], "imageUrl": null}""");
	}

	@Test
	void retriesATransientFailure() {

		api.post("/api/pricebook/categories/subcategories/12/override", "{\"name\": \"Services\"}");
		var failed = failFirstPush(1, 503, "Service unavailable");

		var error = awaitError("retry");
		assertThat(api.post("/api/pricebook/categories/errors/" + error + "/auto-fix")).hasStatusOk();

		var retry = stIngest.awaitCommands(2).getLast();
		assertThat(retry.commandId()).isNotEqualTo(failed.commandId());
		assertThat(retry.write().name()).isEqualTo("Services");
	}

	@Test
	void refusesWhatCannotBeFixedAutomatically() {

		api.post("/api/pricebook/categories/subcategories/12/override", "{\"name\": \"Services\"}");
		failFirstPush(1, 400, "Name contains forbidden characters");

		var error = awaitError(null);
		assertThat(api.post("/api/pricebook/categories/errors/" + error + "/auto-fix")).hasStatus(HttpStatus.CONFLICT);
		assertThat(api.post("/api/pricebook/categories/errors/" + UUID.randomUUID() + "/auto-fix"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(stIngest.commandsAfter(Duration.ofSeconds(1))).hasSize(1);
	}

	private StCommand failFirstPush(int count, int status, String message) {

		push();
		var command = stIngest.awaitCommands(count).getFirst();
		stIngest.answer(command, CommandOutcome.FAILED, status, message, null);
		return command;
	}

	private void push() {
		assertThat(api.post("/api/pricebook/categories/push")).hasStatus(HttpStatus.ACCEPTED);
	}

	/** Waits for the one failure and checks what auto-fix would do; returns its id. */
	private String awaitError(@Nullable String fix) {

		await().atMost(TIMEOUT)
			.until(() -> !api.<List<Object>>read("/api/pricebook/categories/errors", "$[*]").isEmpty());
		assertThat(api.<Object>read("/api/pricebook/categories/errors", "$[0].fix")).isEqualTo(fix);
		return api.read("/api/pricebook/categories/errors", "$[0].id");
	}
}
