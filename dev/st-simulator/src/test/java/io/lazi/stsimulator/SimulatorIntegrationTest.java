package io.lazi.stsimulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The base of every test that talks to the running simulator over HTTP: starts it on a random port,
 * gives each test a fresh {@link SimulatorClient}, and after each test clears every fault and
 * restores the seed data (pricebook, CRM and with it the field crew), so that the tests sharing an
 * application context stay independent.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class SimulatorIntegrationTest {

	@LocalServerPort
	int port;

	SimulatorClient client;

	@BeforeEach
	void createClient() {
		client = new SimulatorClient(port);
	}

	@AfterEach
	void restoreSimulator() {

		client.admin("POST", "/admin/faults/reset", null);
		client.admin("POST", "/admin/data/reset", null);
		client.admin("POST", "/admin/crm/reset", null);
	}
}
