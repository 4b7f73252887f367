package io.lazi.stsimulator;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.lazi.stsimulator.SimulatorClient.ISOLATION_TENANT;
import static io.lazi.stsimulator.SimulatorClient.REFERENCE_TENANT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ServiceTitan's category writes and image upload as a pushing client sees them: what it writes
 * is what later list, get, export and incremental reads answer.
 */
@Unthrottled
class CategoryWritesIntegrationTests extends SimulatorIntegrationTest {

	private static final String CATEGORIES = "/pricebook/v2/tenant/%d/categories".formatted(REFERENCE_TENANT);

	@Test
	void createsACategoryThatListGetExportAndIncrementalPullsSee() {

		var before = Instant.now();
		var response = client.call(REFERENCE_TENANT, "POST", CATEGORIES,
				"{\"name\": \"Pool Resurfacing\", \"categoryType\": \"Services\", \"description\": \"Plaster and pebble\"}");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		var created = client.read(response);
		var id = created.get("id").asLong();
		assertThat(id).isGreaterThan(40_200_000L);
		assertThat(created.get("active").asBoolean()).isTrue();
		assertThat(Instant.parse(created.get("createdOn").asString())).isAfterOrEqualTo(before);
		assertThat(created.get("modifiedOn").asString()).isEqualTo(created.get("createdOn").asString());

		var byId = client.read(client.get(REFERENCE_TENANT, CATEGORIES + "/" + id, Map.of()));
		assertThat(byId.get("name").asString()).isEqualTo("Pool Resurfacing");
		var incremental = client.read(client.get(REFERENCE_TENANT, CATEGORIES,
				Map.of("modifiedOnOrAfter", before.toString(), "includeTotal", "true")));
		assertThat(incremental.get("totalCount").asInt()).isEqualTo(1);
		assertThat(incremental.get("data").get(0).get("id").asLong()).isEqualTo(id);
		var export = client.read(client.get(REFERENCE_TENANT, "/pricebook/v2/tenant/%d/export/categories"
			.formatted(REFERENCE_TENANT), Map.of("from", before.toString())));
		assertThat(export.get("data").valueStream().map(node -> node.get("id").asLong())).containsExactly(id);
	}

	@Test
	void givesConcurrentCreatesDistinctIdsAndKeepsThemAll() {

		var creates = java.util.stream.IntStream.range(0, 16)
			.mapToObj(index -> java.util.concurrent.CompletableFuture.supplyAsync(() -> client.call(REFERENCE_TENANT, "POST",
					CATEGORIES, "{\"name\": \"Parallel %d\", \"categoryType\": \"Materials\"}".formatted(index))))
			.toList();
		var ids = creates.stream().map(java.util.concurrent.CompletableFuture::join).map(response -> {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			return client.read(response).get("id").asLong();
		}).toList();

		assertThat(ids).doesNotHaveDuplicates().hasSize(16);
		var total = client.read(client.get(REFERENCE_TENANT, CATEGORIES, Map.of("includeTotal", "true", "active", "Any")));
		assertThat(total.get("totalCount").asInt()).isEqualTo(27 + 16);
	}

	@Test
	void createsASubcategoryAfterItsLastSiblingAndGivesEveryCreateItsOwnId() {

		var root = firstRoot();
		var body = "{\"name\": \"Acid Wash\", \"categoryType\": \"Services\", \"parentId\": %d}".formatted(root.get("id").asLong());
		var first = client.read(client.call(REFERENCE_TENANT, "POST", CATEGORIES, body));
		var second = client.read(client.call(REFERENCE_TENANT, "POST", CATEGORIES, body));

		assertThat(first.get("id").asLong()).isNotEqualTo(second.get("id").asLong());
		assertThat(first.get("parentId").asLong()).isEqualTo(root.get("id").asLong());
		assertThat(second.get("position").asInt()).isEqualTo(first.get("position").asInt() + 1);
		var reread = client.read(client.get(REFERENCE_TENANT, CATEGORIES + "/" + root.get("id").asLong(), Map.of()));
		assertThat(reread.get("subcategories").valueStream().map(node -> node.get("id").asLong()))
			.contains(first.get("id").asLong(), second.get("id").asLong());
	}

	@Test
	void refusesInvalidCreatesNamingEachFieldAndChangesNothing() {

		var unknownParent = client.call(REFERENCE_TENANT, "POST", CATEGORIES,
				"{\"name\": \"X\", \"categoryType\": \"Materials\", \"parentId\": 1}");
		var missing = client.call(REFERENCE_TENANT, "POST", CATEGORIES, "{\"description\": \"no name\"}");
		var wrongTypes = client.call(REFERENCE_TENANT, "POST", CATEGORIES,
				"{\"name\": 5, \"categoryType\": \"Equipment\", \"active\": \"yes\", \"businessUnitIds\": [\"a\"]}");

		assertThat(unknownParent.statusCode()).isEqualTo(400);
		assertThat(errors(unknownParent).has("parentId")).isTrue();
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(errors(missing).propertyNames()).containsExactlyInAnyOrder("name", "categoryType");
		assertThat(wrongTypes.statusCode()).isEqualTo(400);
		assertThat(errors(wrongTypes).propertyNames())
			.containsExactlyInAnyOrder("name", "categoryType", "active", "businessUnitIds");
		assertThat(client.read(wrongTypes).get("traceId").asString()).isNotBlank();
		var total = client.read(client.get(REFERENCE_TENANT, CATEGORIES, Map.of("includeTotal", "true", "active", "Any")));
		assertThat(total.get("totalCount").asInt()).isEqualTo(27);
	}

	@Test
	void updatesOnlyTheSuppliedFieldsAndBumpsModifiedOn() {

		var child = firstRoot().get("subcategories").get(0);
		var before = Instant.now();
		var response = client.call(REFERENCE_TENANT, "PATCH", CATEGORIES + "/" + child.get("id").asLong(),
				"{\"name\": \"Renamed\"}");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		var updated = client.read(response);
		assertThat(updated.get("name").asString()).isEqualTo("Renamed");
		assertThat(updated.get("parentId").asLong()).isEqualTo(child.get("parentId").asLong());
		assertThat(updated.get("position").asInt()).isEqualTo(child.get("position").asInt());
		assertThat(updated.get("description")).isEqualTo(child.get("description"));
		assertThat(updated.get("createdOn").asString()).isEqualTo(child.get("createdOn").asString());
		assertThat(Instant.parse(updated.get("modifiedOn").asString()))
			.isAfter(Instant.parse(child.get("modifiedOn").asString()));
		var incremental = client.read(client.get(REFERENCE_TENANT, CATEGORIES,
				Map.of("modifiedOnOrAfter", before.toString(), "includeTotal", "true")));
		assertThat(incremental.get("totalCount").asInt()).isEqualTo(1);
		assertThat(incremental.get("data").get(0).get("id").asLong()).isEqualTo(child.get("parentId").asLong());
	}

	@Test
	void movesACategoryWithItsWholeSubtree() {

		var roots = client.read(client.get(REFERENCE_TENANT, CATEGORIES, Map.of("pageSize", "2"))).get("data");
		var moving = roots.get(0).get("subcategories").valueStream()
			.filter(node -> !node.get("subcategories").isEmpty())
			.findFirst()
			.orElseThrow();
		var target = roots.get(1).get("id").asLong();

		var response = client.call(REFERENCE_TENANT, "PATCH", CATEGORIES + "/" + moving.get("id").asLong(),
				"{\"parentId\": %d}".formatted(target));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(client.read(response).get("subcategories")).isEqualTo(moving.get("subcategories"));
		var oldParent = client.read(client.get(REFERENCE_TENANT, CATEGORIES + "/" + roots.get(0).get("id").asLong(), Map.of()));
		var newParent = client.read(client.get(REFERENCE_TENANT, CATEGORIES + "/" + target, Map.of()));
		assertThat(oldParent.get("subcategories").valueStream().map(node -> node.get("id").asLong()))
			.doesNotContain(moving.get("id").asLong());
		var moved = newParent.get("subcategories").valueStream()
			.filter(node -> node.get("id").asLong() == moving.get("id").asLong())
			.findFirst()
			.orElseThrow();
		assertThat(moved.get("subcategories").size()).isEqualTo(moving.get("subcategories").size());
	}

	@Test
	void refusesCyclesUnknownParentsBlankNamesAndUnknownIds() {

		var root = firstRoot();
		var grandchild = root.get("subcategories").valueStream()
			.filter(node -> !node.get("subcategories").isEmpty())
			.findFirst()
			.orElseThrow()
			.get("subcategories")
			.get(0);
		var rootPath = CATEGORIES + "/" + root.get("id").asLong();

		var cycle = client.call(REFERENCE_TENANT, "PATCH", rootPath, "{\"parentId\": %d}".formatted(grandchild.get("id").asLong()));
		var self = client.call(REFERENCE_TENANT, "PATCH", rootPath, "{\"parentId\": %d}".formatted(root.get("id").asLong()));
		var unknown = client.call(REFERENCE_TENANT, "PATCH", rootPath, "{\"parentId\": 1}");
		var blank = client.call(REFERENCE_TENANT, "PATCH", rootPath, "{\"name\": \"  \"}");
		var missing = client.call(REFERENCE_TENANT, "PATCH", CATEGORIES + "/1", "{\"name\": \"X\"}");
		var otherTenant = client.call(ISOLATION_TENANT, "PATCH",
				"/pricebook/v2/tenant/%d/categories/%d".formatted(ISOLATION_TENANT, root.get("id").asLong()), "{\"name\": \"X\"}");

		assertThat(errors(cycle).has("parentId")).isTrue();
		assertThat(errors(self).has("parentId")).isTrue();
		assertThat(errors(unknown).has("parentId")).isTrue();
		assertThat(errors(blank).has("name")).isTrue();
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(otherTenant.statusCode()).isEqualTo(404);
		assertThat(client.read(client.get(REFERENCE_TENANT, rootPath, Map.of()))).isEqualTo(root);
	}

	@Test
	void deletesACategoryWithItsSubtree() {

		var child = firstRoot().get("subcategories").valueStream()
			.filter(node -> !node.get("subcategories").isEmpty())
			.findFirst()
			.orElseThrow();
		var path = CATEGORIES + "/" + child.get("id").asLong();

		var deleted = client.call(REFERENCE_TENANT, "DELETE", path, null);

		assertThat(deleted.statusCode()).isEqualTo(204);
		assertThat(client.get(REFERENCE_TENANT, path, Map.of()).statusCode()).isEqualTo(404);
		var grandchild = child.get("subcategories").get(0).get("id").asLong();
		assertThat(client.get(REFERENCE_TENANT, CATEGORIES + "/" + grandchild, Map.of()).statusCode()).isEqualTo(404);
		assertThat(client.call(REFERENCE_TENANT, "DELETE", path, null).statusCode()).isEqualTo(404);
	}

	@Test
	void servesAnUploadedImageOnceACategoryRefersToIt() throws IOException {

		var png = png();
		var images = "/pricebook/v2/tenant/%d/images".formatted(REFERENCE_TENANT);
		var upload = client.upload(REFERENCE_TENANT, images, "file", "Pool Deck.png", png);
		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
		var path = client.read(upload).get("path").asString();
		assertThat(path).startsWith("Images/");

		var child = firstRoot().get("subcategories").get(0).get("id").asLong();
		var patched = client.call(REFERENCE_TENANT, "PATCH", CATEGORIES + "/" + child, "{\"image\": \"%s\"}".formatted(path));
		assertThat(client.read(patched).get("image").asString()).isEqualTo(path);

		var redirect = client.get(REFERENCE_TENANT, images, Map.of("path", path));
		assertThat(redirect.statusCode()).isEqualTo(302);
		var bytes = client.getBytes(URI.create(redirect.headers().firstValue("Location").orElseThrow()));
		assertThat(bytes.statusCode()).isEqualTo(200);
		assertThat(bytes.body()).isEqualTo(png);
	}

	@Test
	void refusesUploadsThatAreEmptyOrNoImage() {

		var images = "/pricebook/v2/tenant/%d/images".formatted(REFERENCE_TENANT);
		var text = client.upload(REFERENCE_TENANT, images, "file", "notes.png", "not an image".getBytes());
		var empty = client.upload(REFERENCE_TENANT, images, "file", "empty.png", new byte[0]);
		var wrongPart = client.upload(REFERENCE_TENANT, images, "picture", "a.png", new byte[] { 1 });

		assertThat(text.statusCode()).isEqualTo(400);
		assertThat(errors(text).has("file")).isTrue();
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(wrongPart.statusCode()).isEqualTo(400);
	}

	private JsonNode firstRoot() {
		return client.read(client.get(REFERENCE_TENANT, CATEGORIES, Map.of("pageSize", "1"))).get("data").get(0);
	}

	private JsonNode errors(java.net.http.HttpResponse<String> response) {

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		return client.read(response).get("errors");
	}

	static byte[] png() throws IOException {

		var image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
		image.setRGB(1, 2, 0x336699);
		var bytes = new ByteArrayOutputStream();
		ImageIO.write(image, "png", bytes);
		return bytes.toByteArray();
	}
}
