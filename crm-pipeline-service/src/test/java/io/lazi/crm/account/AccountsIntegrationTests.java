package io.lazi.crm.account;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.lazi.crm.CrmIntegrationTest;
import io.lazi.crm.record.Actor;
import io.lazi.platform.test.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accounts and contacts created, read, listed, replaced and deleted by users: validation (400 naming the field),
 * optimistic locking (412), another tenant's ids (404), a VIEWER's writes (403), the parent hierarchy.
 */
@CrmIntegrationTest
class AccountsIntegrationTests {

	private final String tenant = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));

	private final String other = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));

	private final MockMvc mvc;

	private final JsonMapper json;

	private final Accounts accounts;

	private final Contacts contacts;

	@Autowired
	AccountsIntegrationTests(MockMvc mvc, JsonMapper json, Accounts accounts, Contacts contacts) {
		this.mvc = mvc;
		this.json = json;
		this.accounts = accounts;
		this.contacts = contacts;
	}

	@Test
	void createsReadsListsReplacesAndDeletesAccounts() throws Exception {

		var created = as(manager(), post("/api/crm/accounts"), """
				{"name":" Acme Pools ","type":"commercial","industry":"Pools","email":"office@acme.example",
				 "phone":"(813) 555-0142","street":"1 Dock St","city":"Tampa","state":"FL","zip":"33601"}""")
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.name").value("Acme Pools"))
			.andExpect(jsonPath("$.type").value("commercial"))
			.andExpect(jsonPath("$.ownerId").value("manager-1"))
			.andExpect(jsonPath("$.createdBy").value("manager-1"))
			.andExpect(jsonPath("$.source").value("lazi"))
			.andExpect(jsonPath("$.stCustomerId").value(nullValue()))
			.andExpect(jsonPath("$.version").value(1));
		var id = id(created);
		created.andExpect(header().string("Location", endsWith("/api/crm/accounts/" + id)));
		as(manager(), post("/api/crm/accounts"), "{\"name\":\"Bay Homes\",\"ownerId\":\"owner-9\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.type").value("residential"))
			.andExpect(jsonPath("$.ownerId").value("owner-9"));

		// Bad input names the field.
		for (var bad : List.of(new String[] { "{}", "name" }, new String[] { "{\"name\":\"  \"}", "name" },
				new String[] { "{\"name\":\"" + "x".repeat(201) + "\"}", "name" },
				new String[] { "{\"name\":\"A\",\"type\":\"villa\"}", "type" },
				new String[] { "{\"name\":\"A\",\"email\":\"not-an-address\"}", "email" },
				new String[] { "{\"name\":\"A\",\"phone\":\"call me\"}", "phone" },
				new String[] { "{\"name\":\"A\",\"parentId\":\"" + UUID.randomUUID() + "\"}", "parentId" })) {
			as(manager(), post("/api/crm/accounts"), bad[0]).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value(bad[1]));
		}
		as(manager(), post("/api/crm/accounts"), "{\"name\":\"A\",\"type\":\"villa\"}")
			.andExpect(jsonPath("$.detail").value(containsString("residential, commercial")));

		as(manager(), get("/api/crm/accounts/{id}", id), null).andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.industry").value("Pools"))
			.andExpect(jsonPath("$.contacts").isEmpty());
		as(manager(), get("/api/crm/accounts").param("q", "acme"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.totalItems").value(1))
			.andExpect(jsonPath("$.items[0].id").value(id.toString()))
			.andExpect(jsonPath("$.items[0].contacts").doesNotExist());
		as(manager(), get("/api/crm/accounts").param("q", "813555"), null).andExpect(jsonPath("$.totalItems").value(1));
		as(manager(), get("/api/crm/accounts").param("type", "residential"), null)
			.andExpect(jsonPath("$.items[*].name").value(contains("Bay Homes")));
		as(manager(), get("/api/crm/accounts").param("sort", "name,desc"), null)
			.andExpect(jsonPath("$.items[*].name").value(contains("Bay Homes", "Acme Pools")));
		as(manager(), get("/api/crm/accounts"), null)
			.andExpect(jsonPath("$.items[*].name").value(contains("Bay Homes", "Acme Pools")));
		as(manager(), get("/api/crm/accounts").param("sort", "name").param("size", "1").param("page", "1"), null)
			.andExpect(jsonPath("$.items[*].name").value(contains("Bay Homes")))
			.andExpect(jsonPath("$.totalPages").value(2));
		as(manager(), get("/api/crm/accounts").param("sort", "colour"), null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("sort"));
		as(manager(), get("/api/crm/accounts").param("type", "villa"), null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("type"));

		// Replaced with the version read; the same version again is stale.
		var replacement = "{\"name\":\"Acme Pools & Spas\",\"type\":\"commercial\",\"region\":\"West\"}";
		as(manager(), put("/api/crm/accounts/{id}", id).header("If-Match", "\"1\""), replacement)
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.name").value("Acme Pools & Spas"))
			.andExpect(jsonPath("$.region").value("West"))
			.andExpect(jsonPath("$.email").value(nullValue()))
			.andExpect(jsonPath("$.ownerId").value(nullValue()));
		as(manager(), put("/api/crm/accounts/{id}", id).header("If-Match", "\"1\""), replacement)
			.andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.type").value("https://lazi.io/problems/precondition-failed"))
			.andExpect(jsonPath("$.currentETag").value("\"2\""));
		as(manager(), put("/api/crm/accounts/{id}", id), "{\"name\":\"\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("name"));

		// Another tenant's account does not exist for this one; a VIEWER reads but never writes.
		as(owner(other), get("/api/crm/accounts/{id}", id), null).andExpect(status().isNotFound());
		as(owner(other), put("/api/crm/accounts/{id}", id), replacement).andExpect(status().isNotFound());
		as(owner(other), delete("/api/crm/accounts/{id}", id), null).andExpect(status().isNotFound());
		as(owner(other), get("/api/crm/accounts"), null).andExpect(jsonPath("$.totalItems").value(0));
		as(viewer(), get("/api/crm/accounts/{id}", id), null).andExpect(status().isOk());
		as(viewer(), post("/api/crm/accounts"), "{\"name\":\"V\"}").andExpect(status().isForbidden());
		as(viewer(), put("/api/crm/accounts/{id}", id), replacement).andExpect(status().isForbidden());
		as(viewer(), delete("/api/crm/accounts/{id}", id), null).andExpect(status().isForbidden());

		as(manager(), delete("/api/crm/accounts/{id}", id).header("If-Match", "\"1\""), null)
			.andExpect(status().isPreconditionFailed());
		as(manager(), delete("/api/crm/accounts/{id}", id).header("If-Match", "\"2\""), null)
			.andExpect(status().isNoContent());
		as(manager(), get("/api/crm/accounts/{id}", id), null).andExpect(status().isNotFound());
		as(manager(), put("/api/crm/accounts/{id}", id), replacement).andExpect(status().isNotFound());
		as(manager(), delete("/api/crm/accounts/{id}", id), null).andExpect(status().isNotFound());
		as(manager(), get("/api/crm/accounts"), null).andExpect(jsonPath("$.totalItems").value(1));
	}

	@Test
	void keepsTheHierarchyATree() throws Exception {

		var top = account("Holding", null);
		var middle = account("Region", top);
		var bottom = account("Branch", middle);

		for (var parent : List.of(top, middle, bottom)) {
			as(manager(), put("/api/crm/accounts/{id}", top), "{\"name\":\"Holding\",\"parentId\":\"" + parent + "\"}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value("parentId"));
		}
		var foreign = id(as(owner(other), post("/api/crm/accounts"), "{\"name\":\"Elsewhere\"}"));
		as(manager(), put("/api/crm/accounts/{id}", bottom), "{\"name\":\"Branch\",\"parentId\":\"" + foreign + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("parentId"))
			.andExpect(jsonPath("$.detail").value(containsString("does not exist")));
		as(manager(), get("/api/crm/accounts").param("parentId", top.toString()), null)
			.andExpect(jsonPath("$.items[*].name").value(contains("Region")));

		// A parent with live children stays; moving the branch up makes the middle one a leaf.
		as(manager(), delete("/api/crm/accounts/{id}", middle), null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://lazi.io/problems/conflict"));
		as(manager(), put("/api/crm/accounts/{id}", bottom), "{\"name\":\"Branch\",\"parentId\":\"" + top + "\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.parentId").value(top.toString()));
		as(manager(), delete("/api/crm/accounts/{id}", middle), null).andExpect(status().isNoContent());
		as(manager(), put("/api/crm/accounts/{id}", bottom), "{\"name\":\"Branch\",\"parentId\":\"" + middle + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("parentId"));
		as(manager(), delete("/api/crm/accounts/{id}", top), null).andExpect(status().isConflict());
	}

	@Test
	void createsReadsListsReplacesAndDeletesContacts() throws Exception {

		var account = account("Lake Family", null);
		var ann = id(as(manager(), post("/api/crm/contacts"), """
				{"accountId":"%s","firstName":"Ann","lastName":"Lake","email":"ann@lake.example","phone":"813-555-0111",
				 "role":"Owner"}""".formatted(account))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.name").value("Ann Lake"))
			.andExpect(jsonPath("$.firstName").value("Ann"))
			.andExpect(jsonPath("$.accountId").value(account.toString()))
			.andExpect(jsonPath("$.accountName").value("Lake Family"))
			.andExpect(jsonPath("$.primary").value(true))
			.andExpect(jsonPath("$.source").value("lazi"))
			.andExpect(jsonPath("$.createdBy").value("manager-1"))
			.andExpect(jsonPath("$.active").value(true))
			.andExpect(jsonPath("$.street").value(nullValue()))
			.andExpect(jsonPath("$.locations").isEmpty()));
		// The public service other features use: a second contact, not primary while the account has one.
		var bob = contacts.create(tenant, new NewContact(account, "Bob Lake", null, "8135550122", "Spouse"),
				new Actor("lead-converter"));
		as(manager(), get("/api/crm/contacts/{id}", bob), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.primary").value(false))
			.andExpect(jsonPath("$.createdBy").value("lead-converter"));

		for (var bad : List.of(new String[] { "{\"name\":\"X\"}", "accountId" },
				new String[] { "{\"accountId\":\"" + UUID.randomUUID() + "\",\"name\":\"X\"}", "accountId" },
				new String[] { "{\"accountId\":\"" + account + "\"}", "name" },
				new String[] { "{\"accountId\":\"" + account + "\",\"name\":\"X\",\"email\":\"x\"}", "email" },
				new String[] { "{\"accountId\":\"" + account + "\",\"name\":\"X\",\"role\":\"" + "r".repeat(201) + "\"}",
						"role" })) {
			as(manager(), post("/api/crm/contacts"), bad[0]).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value(bad[1]));
		}

		as(manager(), get("/api/crm/contacts").param("accountId", account.toString()).param("sort", "name"), null)
			.andExpect(jsonPath("$.items[*].name").value(contains("Ann Lake", "Bob Lake")));
		as(manager(), get("/api/crm/contacts").param("q", "an la"), null)
			.andExpect(jsonPath("$.items[*].name").value(contains("Ann Lake")));
		as(manager(), get("/api/crm/contacts").param("search", "555-0122"), null)
			.andExpect(jsonPath("$.items[*].name").value(contains("Bob Lake")));
		as(manager(), get("/api/crm/contacts").param("search", "@"), null)
			.andExpect(jsonPath("$.items[*].name").value(contains("Ann Lake")));
		as(manager(), get("/api/crm/contacts").param("sort", "role"), null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("sort"));
		as(manager(), get("/api/crm/accounts/{id}", account), null)
			.andExpect(jsonPath("$.contacts[*].name").value(contains("Ann Lake", "Bob Lake")));

		// Bob becomes primary: Ann is no longer.
		var bobPrimary = "{\"name\":\"Robert Lake\",\"primary\":true,\"phone\":\"8135550122\"}";
		as(manager(), put("/api/crm/contacts/{id}", bob).header("If-Match", "\"1\""), bobPrimary)
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.name").value("Robert Lake"))
			.andExpect(jsonPath("$.role").value(nullValue()))
			.andExpect(jsonPath("$.accountId").value(account.toString()))
			.andExpect(jsonPath("$.primary").value(true));
		as(manager(), get("/api/crm/contacts/{id}", ann), null).andExpect(jsonPath("$.primary").value(false));
		as(manager(), put("/api/crm/contacts/{id}", bob).header("If-Match", "\"1\""), bobPrimary)
			.andExpect(status().isPreconditionFailed());
		as(manager(), put("/api/crm/contacts/{id}", bob), "{\"accountId\":\"" + UUID.randomUUID() + "\",\"name\":\"R\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("accountId"));

		as(owner(other), get("/api/crm/contacts/{id}", bob), null).andExpect(status().isNotFound());
		as(owner(other), put("/api/crm/contacts/{id}", bob), bobPrimary).andExpect(status().isNotFound());
		as(owner(other), delete("/api/crm/contacts/{id}", bob), null).andExpect(status().isNotFound());
		as(owner(other), post("/api/crm/contacts"), "{\"accountId\":\"" + account + "\",\"name\":\"X\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("accountId"));
		as(owner(other), get("/api/crm/contacts"), null).andExpect(jsonPath("$.totalItems").value(0));
		as(viewer(), post("/api/crm/contacts"), "{\"accountId\":\"" + account + "\",\"name\":\"X\"}")
			.andExpect(status().isForbidden());
		as(viewer(), put("/api/crm/contacts/{id}", bob), bobPrimary).andExpect(status().isForbidden());
		as(viewer(), delete("/api/crm/contacts/{id}", bob), null).andExpect(status().isForbidden());

		as(manager(), delete("/api/crm/contacts/{id}", ann).header("If-Match", "\"1\""), null)
			.andExpect(status().isPreconditionFailed());
		as(manager(), delete("/api/crm/contacts/{id}", ann), null).andExpect(status().isNoContent());
		as(manager(), get("/api/crm/contacts/{id}", ann), null).andExpect(status().isNotFound());

		// Deleting the account takes its contacts with it.
		as(manager(), delete("/api/crm/accounts/{id}", account), null).andExpect(status().isNoContent());
		as(manager(), get("/api/crm/contacts/{id}", bob), null).andExpect(status().isNotFound());
	}

	/** Through the public service other features use (a lead's conversion): joined to a parent when given. */
	private UUID account(String name, UUID parent) throws Exception {

		if (parent == null) {
			return accounts.create(tenant, new NewAccount(name, "commercial", null, null, null, null, null, null, null),
					new Actor("manager-1"));
		}
		return id(as(manager(), post("/api/crm/accounts"), "{\"name\":\"" + name + "\",\"parentId\":\"" + parent + "\"}")
			.andExpect(status().isCreated()));
	}

	private UUID id(ResultActions result) throws Exception {
		return UUID.fromString(json.readTree(result.andReturn().getResponse().getContentAsString()).get("id").asString());
	}

	private ResultActions as(Caller caller, MockHttpServletRequestBuilder request, String body) throws Exception {

		request.header("X-Tenant-ID", caller.tenant()).header("Authorization", "Bearer " + caller.token());
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return mvc.perform(request);
	}

	private Caller manager() {
		return new Caller(tenant, TestTokens.user("manager-1", List.of(tenant), List.of("MANAGER")).sign());
	}

	private Caller viewer() {
		return new Caller(tenant, TestTokens.user("viewer-1", List.of(tenant), List.of("VIEWER")).sign());
	}

	private static Caller owner(String tenant) {
		return new Caller(tenant, TestTokens.user("owner-" + tenant, List.of(tenant), List.of("OWNER")).sign());
	}

	/** A user of {@code tenant}, and the tenant the request names. */
	private record Caller(String tenant, String token) {
	}
}
