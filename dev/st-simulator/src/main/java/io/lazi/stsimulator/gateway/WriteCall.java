package io.lazi.stsimulator.gateway;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A ServiceTitan write call the gateway scripts faults for and counts per item, with the key of the item it
 * writes: a category by its bare id ({@code "40000001"}, as before other writes existed), anything else as
 * {@code <resource>/<id>}:
 * <ul>
 * <li>{@code POST /pricebook/v2/…/categories} (create), {@code PATCH}/{@code DELETE …/categories/{id}} → {@code {id}};</li>
 * <li>{@code POST /crm/v2/…/customers} (create), {@code PATCH …/customers/{id}} → {@code customers/{id}};</li>
 * <li>{@code PATCH /jpm/v2/…/jobs/{id}}, {@code PUT …/jobs/{id}/cancel|hold|complete} → {@code jobs/{id}};</li>
 * <li>{@code PATCH /jpm/v2/…/appointments/{id}/reschedule}, {@code PUT …/appointments/{id}/confirmation} and
 * {@code POST /dispatch/v2/…/appointment-assignments/assign-technicians|unassign-technicians} (the body's
 * {@code jobAppointmentId}) → {@code appointments/{id}};</li>
 * <li>{@code PUT /sales/v2/…/estimates/{id}/sell|dismiss} → {@code estimates/{id}}.</li>
 * </ul>
 * A create's key is known from its answer only (the new record's {@code id}).
 *
 * @param prefix the key before the id: empty for categories, else {@code <resource>/}
 * @param pathId the id in the path, null for a create or a call naming its item in the body
 * @param create whether the call creates its item
 * @param bodyField the body property naming the item, or null
 */
record WriteCall(String prefix, @Nullable String pathId, boolean create, @Nullable String bodyField) {

	private static final String TENANT = "^/%s/v2/tenant/[^/]+/";

	private static final List<Route> ROUTES = List.of(
			new Route("POST", "pricebook", "categories/?", "", true, null),
			new Route("PATCH|DELETE", "pricebook", "categories/(\\d{1,18})/?", "", false, null),
			new Route("POST", "crm", "customers/?", "customers/", true, null),
			new Route("PATCH", "crm", "customers/(\\d{1,18})/?", "customers/", false, null),
			new Route("PATCH", "jpm", "jobs/(\\d{1,18})/?", "jobs/", false, null),
			new Route("PUT", "jpm", "jobs/(\\d{1,18})/(?:cancel|hold|complete)/?", "jobs/", false, null),
			new Route("PATCH", "jpm", "appointments/(\\d{1,18})/reschedule/?", "appointments/", false, null),
			new Route("PUT", "jpm", "appointments/(\\d{1,18})/confirmation/?", "appointments/", false, null),
			new Route("POST", "dispatch", "appointment-assignments/(?:assign|unassign)-technicians/?", "appointments/", false,
					"jobAppointmentId"),
			new Route("PUT", "sales", "estimates/(\\d{1,18})/(?:sell|dismiss)/?", "estimates/", false, null));

	/**
	 * @param method the HTTP method
	 * @param path the path, without context path
	 * @return the write call, empty when the call writes nothing the gateway counts
	 */
	static Optional<WriteCall> of(String method, String path) {

		for (var route : ROUTES) {
			var matcher = route.pattern().matcher(path);
			if (method.matches(route.methods()) && matcher.matches()) {
				return Optional.of(new WriteCall(route.prefix(), matcher.groupCount() > 0 ? matcher.group(1) : null,
						route.create(), route.bodyField()));
			}
		}
		return Optional.empty();
	}

	/**
	 * @param body the request body, for a call naming its item there; null when unread
	 * @return the key of the item the call writes, known before the write; null for a create or an unreadable body
	 */
	@Nullable String itemBefore(@Nullable JsonNode body) {

		if (pathId != null) {
			return prefix + pathId;
		}
		if (bodyField != null && body != null && body.path(bodyField).isIntegralNumber()) {
			return prefix + body.path(bodyField).asLong();
		}
		return null;
	}

	/**
	 * @param body the request body as read before the write, or null
	 * @param answer the 2xx answer's body
	 * @return the key of the item written: a create's from its answer's {@code id}
	 */
	String itemAfter(@Nullable JsonNode body, JsonNode answer) {

		var before = itemBefore(body);
		return before != null ? before : prefix + answer.path("id").asLong();
	}

	/** @return whether the item is named in the request body, which the gateway reads ahead then */
	boolean namesItemInBody() {
		return bodyField != null;
	}

	private record Route(String methods, Pattern pattern, String prefix, boolean create, @Nullable String bodyField) {

		Route(String methods, String module, String resource, String prefix, boolean create, @Nullable String bodyField) {
			this(methods, Pattern.compile(TENANT.formatted(module) + resource + "$"), prefix, create, bodyField);
		}
	}
}
