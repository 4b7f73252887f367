package io.lazi.crm.pipeline;

/**
 * What caused a stage move: a ServiceTitan record ({@code customer}, {@code job}, {@code appointment},
 * {@code estimate}) with its id, or a {@code user} with the user id.
 */
public record Trigger(String type, String id) {

	static Trigger record(String type, long stId) {
		return new Trigger(type, Long.toString(stId));
	}
}
