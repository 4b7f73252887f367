package io.lazi.notification.fanout.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

import io.lazi.platform.events.TrustedHeaders;
import io.lazi.platform.openapi.OpenApiSchemas;

/**
 * Documents the WebSocket handshake at {@code /ws}, which no controller declares (a handler mapping serves it):
 * the query parameters a browser uses instead of headers, the upgrade, and the close codes of the session. The
 * platform's customizer then adds the bearer scheme and the problem responses.
 */
final class WebSocketDocumentation implements OpenApiCustomizer {

	private static final String TAG = "WebSocket";

	@Override
	public void customise(OpenAPI openApi) {

		var handshake = new Operation().operationId("openSession")
			.addTagsItem(TAG)
			.summary("Open the tenant's event WebSocket")
			.description("""
					Upgrades to a WebSocket that receives each event of the tenant as one JSON text message \
					`{"event", "data", "id", "time", "cursor"}` (events: docs/architecture.md, "WebSocket messages"). \
					The first message is `subscribed`, or `resync` when the client resumed from a `cursor` this \
					instance no longer holds everything after (reload state; live events follow); then, when resuming, \
					every event the client has not seen, exactly once and in per-key order, whichever instance it \
					resumes on; then live ones. A client keeps the `cursor` of the last message and reconnects with \
					`?cursor=`. A client sends `{"type":"authenticate","token":"…"}` before its token expires \
					(answered `{"type":"authenticated","expiresAt":"…"}`). Close codes: 4401 token expired (sign in \
					again and reconnect with `cursor`), 4403 a refused `authenticate`, 1008 fell too far behind \
					(reconnect with `cursor`), 1001 the instance shuts down. Per user at most 10 open sessions and 30 \
					handshakes a minute, per tenant 500 sessions (defaults): beyond, 429 before any upgrade.""")
			.addParametersItem(query("access_token", "The bearer token, for clients that cannot set `Authorization` "
					+ "(browsers); taken off the URL before anything logs it."))
			.addParametersItem(query("tenant", "The tenant, for clients that cannot set `" + TrustedHeaders.TENANT_ID
					+ "`; exactly one of the two.").schema(string().pattern("^[0-9]{1,19}$")))
			.addParametersItem(query("cursor", "The `cursor` of the last message the client received: resume after it, "
					+ "on any instance."))
			.addParametersItem(query("lastEventId", "Deprecated: an event id of older clients, which names no "
					+ "position; answered with `resync`. Send `cursor`.").deprecated(true))
			.addParametersItem(new Parameter().in("header").name(TrustedHeaders.TENANT_ID).required(false)
				.description("The tenant, unless `tenant` names it.").schema(string().pattern("^[0-9]{1,19}$")))
			.responses(new ApiResponses().addApiResponse("101", new ApiResponse()
				.description("Switching Protocols: the WebSocket is open.")));
		openApi.path(WebSocketConfiguration.PATH, new PathItem().get(handshake));
		openApi.addTagsItem(new Tag().name(TAG).description("Events of the tenant, live, to browsers and other clients."));
	}

	private static Parameter query(String name, String description) {
		return new Parameter().in("query").name(name).required(false).description(description).schema(string());
	}

	private static Schema<Object> string() {
		return OpenApiSchemas.of("string");
	}
}
