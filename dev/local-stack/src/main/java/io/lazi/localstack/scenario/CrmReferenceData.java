package io.lazi.localstack.scenario;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The CRM records office staff make by hand, added by {@code ./lazi up} to the reference tenant through the gateway so
 * that every CRM page has something to show: 30 leads in every status but converted, 40 tasks (some overdue) assigned
 * to the tenant's users, 60 activities and 12 cases on the synced accounts, leads and opportunities. Deterministic for
 * a tenant (one seeded {@link Random}); due and occurrence times are relative to now. Nothing is converted or moved,
 * so the pipeline's published figures (450 contacts, 91 opportunities) stay as they are; the install projects come
 * from the pipeline itself (one per Install opportunity). A stack that already has cases was seeded before and is left
 * alone.
 */
final class CrmReferenceData {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String[] FIRST = { "Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "James",
			"Isabella", "Lucas", "Mia", "Mason", "Harper", "Ethan", "Amelia", "Logan", "Evelyn", "Aiden", "Abigail",
			"Carter" };

	private static final String[] LAST = { "Garcia", "Nguyen", "Patel", "Kim", "Johnson", "Martinez", "Lee", "Brown",
			"Davis", "Lopez", "Wilson", "Anderson", "Thomas", "Moore", "Jackson" };

	private static final String[] COMPANIES = { "Sunset Property Management", "Blue Lagoon HOA", "Desert Palms Resort",
			"Harbor View Apartments", "Canyon Ridge Dental", "Mesa Verde Schools" };

	private static final String[] SOURCES = { "website", "referral", "phone", "social", "email", "event", "other" };

	private static final String[] LEAD_STATUSES = { "new", "new", "new", "contacted", "contacted", "qualified",
			"qualified", "unqualified" };

	private static final String[] TASK_TYPES = { "call", "email", "meeting", "follow_up", "to_do" };

	private static final String[] PRIORITIES = { "low", "medium", "medium", "high", "urgent" };

	private static final String[] ACTIVITY_TYPES = { "call", "email", "meeting", "note" };

	private static final String[] CASE_TYPES = { "warranty", "complaint", "question" };

	private static final String[] CASE_STATUSES = { "new", "open", "open", "pending", "resolved" };

	private final ServiceClient gateway;

	private final Random random;

	private final List<String> users;

	private CrmReferenceData(ServiceClient gateway) {
		this.gateway = gateway;
		this.random = new Random(Long.parseLong(gateway.tenant()));
		this.users = List.of("dispatcher@" + gateway.tenant(), "manager@" + gateway.tenant(),
				"admin@" + gateway.tenant(), "owner@" + gateway.tenant());
	}

	/**
	 * Adds the records unless the tenant has cases already, and describes what the CRM then holds, e.g.
	 * {@code 50 leads, 40 tasks (6 overdue), 60 activities, 12 cases, 16 install projects}. Tolerant: a CRM without
	 * these routes, or a refusal, is a note, never an error.
	 */
	static String seed(ServiceClient gateway) {
		try {
			var data = new CrmReferenceData(gateway);
			var cases = gateway.sendPolitely("GET", "/api/crm/cases?size=1", null);
			if (cases.statusCode() == 404) {
				return "not added (this crm-pipeline-service has no CRM records)";
			}
			if (cases.statusCode() == 200 && ServiceClient.json(cases).path("totalItems").asLong() == 0) {
				data.add();
			}
			return data.describe();
		}
		catch (SyncException ex) {
			return "not added: " + ex.getMessage();
		}
	}

	private void add() {

		var accounts = ids(gateway.fetch("/api/crm/accounts?size=200&sort=name,asc"));
		var opportunities = ids(gateway.fetch("/api/crm/opportunities?size=200"));
		var leads = new ArrayList<String>();
		for (var i = 0; i < 30; i++) {
			leads.add(create("/api/crm/leads", lead(i)));
		}
		for (var i = 0; i < 40; i++) {
			var related = related(i, leads, accounts, opportunities);
			var task = object().put("title", taskTitle(i)).put("type", pick(TASK_TYPES)).put("priority", pick(PRIORITIES))
				.put("dueAt", Instant.now().plus(random.nextInt(21) - 5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString())
				.put("timeZone", "America/Phoenix").put("assigneeId", users.get(i % users.size()))
				.put("relatedType", related[0]).put("relatedId", related[1]);
			var id = create("/api/crm/tasks", task);
			if (i % 5 == 4) {
				gateway.fetch("PUT", "/api/crm/tasks/" + id + "/complete", null);
			}
		}
		for (var i = 0; i < 60; i++) {
			var related = related(i + 1, leads, accounts, opportunities);
			var type = ACTIVITY_TYPES[i % ACTIVITY_TYPES.length];
			create("/api/crm/activities", object().put("type", type).put("subject", activitySubject(type, i))
				.put("body", "Logged from the office. Customer asked about maintenance plans and financing.")
				.put("durationMinutes", type.equals("note") ? 0 : 5 + random.nextInt(40))
				.put("outcome", type.equals("note") ? null : pick(new String[] { "reached", "left voicemail", "scheduled", "no answer" }))
				.put("occurredAt", Instant.now().minus(random.nextInt(30 * 24), ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES).toString())
				.put("relatedType", related[0]).put("relatedId", related[1]));
		}
		for (var i = 0; i < 12 && !accounts.isEmpty(); i++) {
			var account = accounts.get(random.nextInt(accounts.size()));
			var contacts = ids(gateway.fetch("/api/crm/contacts?size=1&accountId=" + account));
			var body = object().put("type", CASE_TYPES[i % CASE_TYPES.length]).put("subject", caseSubject(i))
				.put("description", "Reported by phone; see the activities for the conversation.").put("accountId", account)
				.put("contactId", contacts.isEmpty() ? null : contacts.get(0)).put("priority", pick(PRIORITIES))
				.put("status", CASE_STATUSES[i % CASE_STATUSES.length]).put("ownerId", users.get(i % users.size()));
			create("/api/crm/cases", body);
		}
	}

	private String describe() {

		var leads = total("/api/crm/leads");
		var tasks = total("/api/crm/tasks");
		var overdue = total("/api/crm/tasks?overdue=true");
		var activities = total("/api/crm/activities");
		var cases = total("/api/crm/cases");
		var projects = total("/api/crm/projects");
		return "%d leads, %d tasks (%d overdue), %d activities, %d cases, %d install projects".formatted(leads, tasks,
				overdue, activities, cases, projects);
	}

	private long total(String path) {
		return gateway.fetch(path + (path.contains("?") ? "&" : "?") + "size=1").path("totalItems").asLong();
	}

	private ObjectNode lead(int i) {

		var first = FIRST[i % FIRST.length];
		var last = LAST[(i * 7) % LAST.length];
		var company = i % 3 == 0 ? COMPANIES[(i / 3) % COMPANIES.length] : null;
		return object().put("name", first + " " + last).put("company", company)
			.put("email", (first + "." + last + "@example.com").toLowerCase())
			.put("phone", "(602) 555-%04d".formatted(1000 + i * 37)).put("city", i % 2 == 0 ? "Phoenix" : "Scottsdale")
			.put("state", "AZ").put("source", SOURCES[i % SOURCES.length])
			.put("status", LEAD_STATUSES[i % LEAD_STATUSES.length])
			.put("estimatedValue", 1500 + random.nextInt(24) * 1000).put("ownerId", users.get(i % users.size()))
			.put("score", 10 + random.nextInt(86));
	}

	private String[] related(int i, List<String> leads, List<String> accounts, List<String> opportunities) {
		return switch (i % 3) {
			case 0 -> new String[] { "lead", leads.get(random.nextInt(leads.size())) };
			case 1 -> accounts.isEmpty() ? new String[] { "lead", leads.get(0) }
					: new String[] { "account", accounts.get(random.nextInt(accounts.size())) };
			default -> opportunities.isEmpty() ? new String[] { "lead", leads.get(0) }
					: new String[] { "opportunity", opportunities.get(random.nextInt(opportunities.size())) };
		};
	}

	private static String taskTitle(int i) {
		var titles = new String[] { "Call back about the quote", "Send the financing options", "Confirm the site visit",
				"Follow up on the estimate", "Order the replacement parts", "Schedule the permit inspection" };
		return titles[i % titles.length];
	}

	private static String activitySubject(String type, int i) {
		return switch (type) {
			case "call" -> "Phone call #" + (i + 1);
			case "email" -> "Email about the estimate";
			case "meeting" -> "On-site walkthrough";
			default -> "Note";
		};
	}

	private static String caseSubject(int i) {
		var subjects = new String[] { "Pump making noise after install", "Invoice shows the wrong amount",
				"Is the warranty transferable?", "Heater not reaching temperature", "Technician arrived late",
				"How often should filters be changed?" };
		return subjects[i % subjects.length];
	}

	private String create(String path, ObjectNode body) {
		return gateway.fetch("POST", path, body.toString()).path("id").asText();
	}

	private <T> T pick(T[] values) {
		return values[random.nextInt(values.length)];
	}

	private static ObjectNode object() {
		return JSON.createObjectNode();
	}

	private static List<String> ids(JsonNode page) {

		var ids = new ArrayList<String>();
		page.path("items").forEach(item -> ids.add(UUID.fromString(item.path("id").asText()).toString()));
		return ids;
	}
}
