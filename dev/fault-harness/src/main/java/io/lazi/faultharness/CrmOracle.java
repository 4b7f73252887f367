package io.lazi.faultharness;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where the pipeline rules (DESIGN §6, as crm-pipeline-service states them) put each customer's opportunity,
 * computed from ServiceTitan's final records alone ({@code GET /admin/tenants/{t}/crm} on the simulator), and
 * what its CRM contact shows. Written apart from the service, on purpose: the harness checks the platform against
 * it. It relies on the synthetic tenant's edits only ever adding facts (no estimate reopened, no appointment
 * canceled after the fact), so the order the platform saw them in does not matter.
 *
 * <ul>
 * <li>business unit {@code * - Sales} or {@code * - Service} → Sales, {@code * - Install} → Install, else none;</li>
 * <li>an Install job → Install pipeline, stage by the newest Install job's status (Scheduled and Dispatched →
 * Scheduled / Ready for Install, Working and InProgress → In Progress / On Site, Hold → On Hold, Completed →
 * Job Completed, else Estimate Approved / Job Created), won;</li>
 * <li>else a Sales job created in the last 14 days → Sales: a sold estimate → Job Sold (won), else a dismissed one
 * → Estimate Lost (lost), else an open estimate with a value → Proposal Sent, else an appointment on a Sales job
 * that is not canceled → Appointment Scheduled, else Contacted;</li>
 * <li>no opportunity otherwise;</li>
 * <li>the value is the headline estimate's (newest sold, else newest open with a value, else newest dismissed), the
 * title "name - $value" when that has a value, else the customer's name.</li>
 * </ul>
 */
final class CrmOracle {

	/** Rule 1's window (crm-pipeline-service's {@code lazi.crm.pipeline.recent-job-window} default). */
	static final Duration RECENT = Duration.ofDays(14);

	/**
	 * Where one customer's opportunity belongs.
	 *
	 * @param stage crm-pipeline-service's stage key, e.g. {@code PROPOSAL_SENT}
	 * @param status {@code open}, {@code won} or {@code lost}
	 * @param value {@code null} without an estimate
	 */
	record Expected(String pipeline, String stage, String status, BigDecimal value, String title) {
	}

	/** What one customer's CRM contact shows: name, first email, first mobile (else landline) phone. */
	record Contact(String name, String email, String phone) {
	}

	private final Map<Long, String> pipelineOfUnit = new HashMap<>();

	private final Map<Long, String> names = new HashMap<>();

	private final Map<Long, List<JsonNode>> jobs = new HashMap<>();

	private final Map<Long, List<JsonNode>> appointments = new HashMap<>();

	private final Map<Long, List<JsonNode>> estimates = new HashMap<>();

	private final Map<Long, List<JsonNode>> contacts = new HashMap<>();

	/** @param records the simulator's {@code GET /admin/tenants/{t}/crm}, each list in id order */
	CrmOracle(JsonNode records) {

		records.path("businessUnits")
			.forEach(u -> pipelineOfUnit.put(u.path("id").asLong(), pipeline(u.path("name").asText())));
		records.path("customers").forEach(c -> names.put(c.path("id").asLong(), c.path("name").asText()));
		group(records.path("jobs"), jobs);
		group(records.path("appointments"), appointments);
		group(records.path("estimates"), estimates);
		group(records.path("contacts"), contacts);
	}

	/** Every customer's id. */
	List<Long> customers() {
		return names.keySet().stream().sorted().toList();
	}

	/** Where the customer's opportunity belongs at {@code now}; empty when the rules give it none. */
	Optional<Expected> expected(long customer, Instant now) {

		var own = jobs.getOrDefault(customer, List.of());
		var install = own.stream().filter(j -> "INSTALL".equals(pipelineOfUnit.get(j.path("businessUnitId").asLong())))
			.max(Comparator.comparing((JsonNode j) -> Instant.parse(j.path("createdOn").asText()))
				.thenComparingLong(j -> j.path("id").asLong()));
		var sales = own.stream().filter(j -> "SALES".equals(pipelineOfUnit.get(j.path("businessUnitId").asLong()))).toList();
		var headline = newest(customer, 1, false).or(() -> newest(customer, 0, true)).or(() -> newest(customer, 2, false));
		var value = headline.map(e -> e.path("value").decimalValue()).orElse(null);
		var title = headline.filter(e -> e.path("value").decimalValue().signum() > 0)
			.map(e -> e.path("name").asText().trim() + " - $"
					+ e.path("value").decimalValue().setScale(2, RoundingMode.HALF_UP).toPlainString())
			.orElse(names.get(customer));
		if (install.isPresent()) {
			var stage = installStage(install.get().path("jobStatus").asText());
			return Optional.of(new Expected("INSTALL", stage, "won", value, title));
		}
		var since = now.minus(RECENT);
		if (sales.stream().noneMatch(j -> !Instant.parse(j.path("createdOn").asText()).isBefore(since))) {
			return Optional.empty();
		}
		String stage;
		if (newest(customer, 1, false).isPresent()) {
			stage = "JOB_SOLD";
		}
		else if (newest(customer, 2, false).isPresent()) {
			stage = "ESTIMATE_LOST";
		}
		else if (newest(customer, 0, true).isPresent()) {
			stage = "PROPOSAL_SENT";
		}
		else {
			var salesJobs = sales.stream().map(j -> j.path("id").asLong()).toList();
			var booked = appointments.getOrDefault(customer, List.of()).stream()
				.anyMatch(a -> salesJobs.contains(a.path("jobId").asLong())
						&& !a.path("status").asText().toLowerCase(Locale.ROOT).startsWith("cancel"));
			stage = booked ? "APPOINTMENT_SCHEDULED" : "CONTACTED";
		}
		var status = switch (stage) {
			case "JOB_SOLD" -> "won";
			case "ESTIMATE_LOST" -> "lost";
			default -> "open";
		};
		return Optional.of(new Expected("SALES", stage, status, value, title));
	}

	/** The customer's CRM contact as the rules make it. */
	Contact contact(long customer) {

		var own = contacts.getOrDefault(customer, List.of());
		var phone = Optional.ofNullable(first(own, "MobilePhone")).orElse(first(own, "Phone"));
		return new Contact(names.get(customer), first(own, "Email"), phone);
	}

	private static String installStage(String jobStatus) {
		return switch (jobStatus.toLowerCase(Locale.ROOT)) {
			case "scheduled", "dispatched" -> "READY_FOR_INSTALL";
			case "working", "inprogress" -> "IN_PROGRESS";
			case "hold" -> "ON_HOLD";
			case "completed" -> "JOB_COMPLETED";
			default -> "JOB_CREATED";
		};
	}

	/** The customer's newest estimate of {@code status} (0 open, 1 sold, 2 dismissed), with a value if asked. */
	private Optional<JsonNode> newest(long customer, int status, boolean withValue) {
		return estimates.getOrDefault(customer, List.of()).stream()
			.filter(e -> e.path("status").asInt() == status && (!withValue || e.path("value").decimalValue().signum() > 0))
			.max(Comparator.comparingLong(e -> e.path("id").asLong()));
	}

	private static String first(List<JsonNode> contacts, String type) {
		return contacts.stream().filter(c -> type.equalsIgnoreCase(c.path("type").asText())).map(c -> c.path("value").asText())
			.findFirst().orElse(null);
	}

	private static String pipeline(String unitName) {

		var name = unitName.trim().toLowerCase(Locale.ROOT);
		if (name.endsWith(" - sales") || name.endsWith(" - service")) {
			return "SALES";
		}
		return name.endsWith(" - install") ? "INSTALL" : null;
	}

	private static void group(JsonNode records, Map<Long, List<JsonNode>> byCustomer) {
		records.forEach(r -> byCustomer.computeIfAbsent(r.path("customerId").asLong(), k -> new ArrayList<>()).add(r));
	}
}
