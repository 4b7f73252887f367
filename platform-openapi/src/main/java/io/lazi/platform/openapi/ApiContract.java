package io.lazi.platform.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;

import io.lazi.platform.events.TrustedHeaders;

/**
 * Adds what the platform decides to a service's OpenAPI document, after the service's own customizers (it is
 * ordered last); the service names title, description and version ({@code springdoc.open-api.info.*}). The
 * platform's parts: the gateway as the one server
 * (the relative URL {@code /}: the origin the document was fetched from, the gateway's route group); the bearer
 * scheme, required by every operation; and on every user operation (paths under {@code /api}, {@code /images},
 * {@code /ws}) the {@code X-Tenant-ID} header and the RFC 9457 problem responses the platform answers with (400,
 * 401, 403, 429 and 500 everywhere; 404 where the path names a resource; 413 where the operation takes a body).
 * What an operation already declares is kept.
 */
final class ApiContract implements OpenApiCustomizer, Ordered {

	/** Name of the bearer scheme in {@code components.securitySchemes}. */
	static final String BEARER = "bearer";

	/** Name of the tenant header in {@code components.parameters}. */
	static final String TENANT = "tenant";

	static final String PROBLEM = "Problem";

	private static final String PROBLEM_JSON = "application/problem+json";

	private static final String PROBLEMS = "https://lazi.io/problems/";

	private static final List<String> USER_PATHS = List.of("/api/", "/images/", "/ws");

	/** The problem responses, by status code; {@code components.responses} gets those the operations use. */
	private static final Map<String, Problem> RESPONSES = responses();

	@Override
	public void customise(OpenAPI openApi) {

		openApi.servers(List.of(new Server().url("/")
			.description("The gateway: the origin this document was fetched from. Every path is reached through it.")));
		openApi.security(List.of(new SecurityRequirement().addList(BEARER)));
		var components = components(openApi.getComponents() == null ? new Components() : openApi.getComponents());
		openApi.components(components);
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> {
			if (USER_PATHS.stream().anyMatch(path::startsWith)) {
				item.readOperations().forEach(operation -> complete(path, operation, components));
			}
		});
	}

	/** Last, so that it completes what the service's own customizers declared. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	private static Components components(Components components) {

		components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer")
			.bearerFormat("JWT")
			.description("An RS256 access token of the identity provider: a user token (audience `lazi-api`, claims "
					+ "`tenants` and `roles`) obtained by the console (authorization code + PKCE) or `./lazi token`. The "
					+ "gateway and the service each validate it."));
		components.addSchemas(PROBLEM, problemSchema());
		return components;
	}

	private static void complete(String path, Operation operation, Components components) {

		var parameters = operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters();
		if (parameters.stream().noneMatch(p -> TrustedHeaders.TENANT_ID.equalsIgnoreCase(p.getName()))) {
			components.addParameters(TENANT, tenantHeader());
			operation.addParametersItem(new Parameter().$ref("#/components/parameters/" + TENANT));
		}
		var statuses = new ArrayList<>(List.of("400", "401", "403", "429", "500", "503"));
		if (path.contains("{")) {
			statuses.add("404");
		}
		if (operation.getRequestBody() != null) {
			statuses.add("413");
		}
		if (operation.getResponses() == null) {
			operation.responses(new ApiResponses());
		}
		statuses.stream().sorted().forEach(status -> {
			if (!operation.getResponses().containsKey(status)) {
				var problem = RESPONSES.get(status);
				components.addResponses(problem.name(), problem.response());
				operation.getResponses().addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + problem.name()));
			}
		});
	}

	/** The {@code X-Tenant-ID} header of {@code components.parameters}, added when an operation uses it. */
	private static Parameter tenantHeader() {
		return new Parameter().in("header")
			.name(TrustedHeaders.TENANT_ID)
			.required(true)
			.description("The tenant the request acts for: one ServiceTitan tenant id that the token's `tenants` "
					+ "lists. Missing, repeated or malformed: 400; not granted by the token: 403.")
			.schema(string().pattern("^[0-9]{1,19}$").examples(List.of("3222348440")))
			.example("3222348440");
	}

	private static Schema<Object> problemSchema() {

		var properties = new LinkedHashMap<String, Schema>();
		properties.put("type", string().format("uri").description("Stable identifier of the kind of problem, e.g. `"
				+ PROBLEMS + "validation`."));
		properties.put("title", string().description("Short summary of the kind of problem."));
		properties.put("status", schema("integer").format("int32").description("The HTTP status code."));
		properties.put("detail", string().description("What went wrong with this request."));
		properties.put("instance", string().format("uri-reference").description("The request path."));
		properties.put("field", string().description("The input the problem is about (a JSON field such as "
				+ "`items[2].name`, a query or path parameter, or `X-Tenant-ID`); on 400 answers."));
		return schema("object").description("An RFC 9457 problem (`application/problem+json`).")
			.properties(properties)
			.required(List.of("type", "title", "status"));
	}

	private static Map<String, Problem> responses() {

		var responses = new LinkedHashMap<String, Problem>();
		responses.put("400", new Problem("BadRequest", "Bad input: a parameter or JSON field that is malformed or out "
				+ "of range (type `" + PROBLEMS + "validation`, naming the `field`), or a missing, repeated or malformed "
				+ "`X-Tenant-ID` (`" + PROBLEMS + "missing-tenant`).", null));
		responses.put("401", new Problem("Unauthorized", "No bearer token, or one that is invalid or expired (type `"
				+ PROBLEMS + "unauthorized`).", new Header().description("`Bearer`, with `error=\"invalid_token\"` for a "
						+ "token that was refused.").schema(string())));
		responses.put("403", new Problem("Forbidden", "The token does not grant the tenant, or its roles lack the "
				+ "permission the operation needs (type `" + PROBLEMS + "forbidden`).", null));
		responses.put("404", new Problem("NotFound", "No such resource of the tenant; another tenant's resource answers "
				+ "the same (type `" + PROBLEMS + "not-found`).", null));
		responses.put("413", new Problem("ContentTooLarge", "The body is larger than the service accepts (type `"
				+ PROBLEMS + "content-too-large`).", null));
		responses.put("429", new Problem("TooManyRequests", "The tenant's request budget at the gateway is used up "
				+ "(type `" + PROBLEMS + "rate-limited`); retry after `Retry-After` seconds.",
				new Header().description("Seconds to wait before retrying.").schema(schema("integer"))));
		responses.put("500", new Problem("InternalError", "An unexpected failure; nothing was half-written (type `"
				+ PROBLEMS + "internal`).", null));
		responses.put("503", new Problem("ServiceUnavailable", "The token could not be checked because the identity "
				+ "provider's keys did not arrive in time (type `" + PROBLEMS + "authentication-unavailable`); retry "
				+ "after `Retry-After` seconds with the same token.",
				new Header().description("Seconds to wait before retrying.").schema(schema("integer"))));
		return responses;
	}

	private static Schema<Object> schema(String type) {
		return OpenApiSchemas.of(type);
	}

	private static Schema<Object> string() {
		return schema("string");
	}

	/**
	 * One problem response of {@code components.responses}.
	 *
	 * @param name its name there
	 * @param description when it is answered
	 * @param header its {@code WWW-Authenticate} (401) or {@code Retry-After} (429, 503) header, else {@code null}
	 */
	private record Problem(String name, String description, @Nullable Header header) {

		ApiResponse response() {

			var response = new ApiResponse().description(description)
				.content(new Content().addMediaType(PROBLEM_JSON,
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
			if (header != null) {
				response.addHeaderObject(name.equals("Unauthorized") ? "WWW-Authenticate" : "Retry-After", header);
			}
			return response;
		}
	}
}
