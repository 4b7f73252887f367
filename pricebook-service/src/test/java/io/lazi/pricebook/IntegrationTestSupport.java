package io.lazi.pricebook;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import org.junit.jupiter.api.AfterEach;

import io.lazi.platform.web.Tenant;
import io.lazi.pricebook.category.PricebookChanges;
import io.lazi.pricebook.category.StIngestCommands;
import io.lazi.pricebook.category.StIngestEvents;
import io.lazi.pricebook.sku.SkuEvents;

/**
 * Base of the integration tests ({@link PricebookIntegrationTest}) that act as one fresh tenant: its REST
 * API, its ServiceTitan records stored directly, st-ingest's side of the broker, and what the service
 * publishes for it. Subclasses take a {@link PricebookTestKit} in their constructor; the consumers they
 * open here are closed after each test.
 */
public abstract class IntegrationTestSupport {

	/** How long to wait for something asynchronous to happen. */
	protected static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** How long to keep reading to be sure nothing more arrives. */
	protected static final Duration QUIET = Duration.ofSeconds(2);

	/** A fresh tenant, so tests sharing the database and broker never see each other's rows or records. */
	protected final String tenant = StIngestEvents.newTenant();

	/** The same tenant as the REST API and the queries see it. */
	protected final Tenant reader = new Tenant(tenant);

	protected final PricebookTestKit kit;

	protected final TenantApi api;

	protected final TenantRecords records;

	private final Deque<AutoCloseable> opened = new ArrayDeque<>();

	protected IntegrationTestSupport(PricebookTestKit kit) {
		this.kit = kit;
		this.api = kit.api(tenant);
		this.records = kit.records(tenant);
	}

	/** Publishes what st-ingest reads from ServiceTitan, for any tenant. */
	protected StIngestEvents stIngestEvents() {
		return new StIngestEvents(kit.kafka(), kit.json());
	}

	/** Publishes fetched SKUs as st-ingest does, for any tenant. */
	protected SkuEvents skuEvents() {
		return new SkuEvents(kit.kafka(), kit.json());
	}

	/** Reads the tenant's commands to st-ingest and answers them; closed after the test. */
	protected StIngestCommands stIngestCommands() {
		return open(new StIngestCommands(kit.kafka(), kit.json(), tenant));
	}

	/** Reads what the service publishes for the tenant; closed after the test. */
	protected PricebookChanges pricebookChanges() {
		return open(new PricebookChanges(kit.json(), tenant));
	}

	@AfterEach
	void closeOpened() throws Exception {
		while (!opened.isEmpty()) {
			opened.pop().close();
		}
	}

	private <T extends AutoCloseable> T open(T closeable) {
		opened.push(closeable);
		return closeable;
	}
}
