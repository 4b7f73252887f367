package io.lazi.platform.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The contract documents of the repository, read where they are checked in: {@code docs/asyncapi.yaml}
 * and the JSON Schemas in {@code docs/events/}, found by walking up from the working directory; and the
 * Helm values that provision the topics.
 */
final class ContractDocs {

	private final Path docs;

	private final JsonNode asyncApi;

	private final Map<String, JsonNode> schemas = new HashMap<>();

	private ContractDocs(Path docs) throws IOException {

		this.docs = docs;
		this.asyncApi = new YAMLMapper().readTree(docs.resolve("asyncapi.yaml").toFile());
		var json = new ObjectMapper();
		try (Stream<Path> files = Files.list(docs.resolve("events"))) {
			for (var file : files.filter(f -> f.toString().endsWith(".schema.json")).toList()) {
				schemas.put(file.getFileName().toString(), json.readTree(file.toFile()));
			}
		}
	}

	/** The documents of the repository the tests run in. */
	static ContractDocs load() {

		var dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isRegularFile(dir.resolve("docs").resolve("asyncapi.yaml"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("No docs/asyncapi.yaml above " + Path.of("").toAbsolutePath());
		}
		try {
			return new ContractDocs(dir.resolve("docs"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The text of {@code docs/<name>}, e.g. {@code architecture.md}. */
	String document(String name) {

		try {
			return Files.readString(docs.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code docs/events}. */
	Path schemaDirectory() {
		return docs.resolve("events");
	}

	/** The AsyncAPI channels: name → channel. */
	Map<String, JsonNode> channels() {
		return fields(asyncApi.path("channels"));
	}

	/** The AsyncAPI messages of {@code components}: name → message. */
	Map<String, JsonNode> messages() {
		return fields(asyncApi.path("components").path("messages"));
	}

	/** The message a {@code $ref} such as {@code #/components/messages/syncStarted} points at. */
	JsonNode message(JsonNode ref) {
		return resolve(ref);
	}

	/** What a local {@code $ref} of the AsyncAPI document points at, or {@code node} itself when it is none. */
	JsonNode resolve(JsonNode node) {
		return node.has("$ref") ? asyncApi.at(node.path("$ref").asText().substring(1)) : node;
	}

	/** The AsyncAPI document's node at a JSON pointer, e.g. {@code /components/messageTraits}. */
	JsonNode at(String pointer) {
		return asyncApi.at(pointer);
	}

	/** The umbrella Helm chart's default values ({@code deploy/helm/lazi/values.yaml}), which provision the topics. */
	JsonNode chartValues() {

		try {
			return new YAMLMapper().readTree(docs.resolveSibling("deploy").resolve("helm/lazi/values.yaml").toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The schema files by file name, e.g. {@code sync-started.schema.json}. */
	Map<String, JsonNode> schemas() {
		return schemas;
	}

	/** The schema a {@code $ref} of the AsyncAPI document or of another schema names. */
	Optional<JsonNode> schema(String ref) {
		return Optional.ofNullable(schemas.get(Path.of(ref).getFileName().toString()));
	}

	private static Map<String, JsonNode> fields(JsonNode node) {

		var fields = new HashMap<String, JsonNode>();
		node.fields().forEachRemaining(entry -> fields.put(entry.getKey(), entry.getValue()));
		return fields;
	}
}
