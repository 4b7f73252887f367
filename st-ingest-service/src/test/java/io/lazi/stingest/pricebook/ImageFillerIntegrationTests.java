package io.lazi.stingest.pricebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.lazi.stingest.IntegrationTestSupport;
import io.lazi.stingest.servicetitan.CallCounts;
import io.lazi.stingest.servicetitan.ServiceTitanClient;
import io.lazi.platform.events.StCategory;

/** The by-id image fetches of a pull against WireMock standing in for ServiceTitan. */
class ImageFillerIntegrationTests extends IntegrationTestSupport {

	@Autowired
	private ServiceTitanClient client;

	@Test
	void stopsFetchingAtOnceWhenItsPullIsInterrupted() throws Exception {

		var tenant = freshTenant();
		var subcategories = new ArrayList<StCategory>();
		for (long id = 1; id <= 40; id++) {
			var sub = category(700_000 + id, 700_000L, null, "2026-01-01T00:00:00Z");
			subcategories.add(sub);
			ST.stubFor(api(tenant, "/categories/" + sub.id())
				.willReturn(WireMock.okJson(json.writeValueAsString(sub.withImage("Images/" + id + ".jpg")))
					.withFixedDelay(500)));
		}
		var root = category(700_000, null, null, "2026-01-01T00:00:00Z", subcategories.toArray(StCategory[]::new));
		var filler = new ImageFiller(client, tenant, Map.of(), new CallCounts(), 2);
		var failure = new AtomicReference<Throwable>();
		var pull = Thread.ofVirtual().start(() -> {
			try {
				filler.fetch(filler.plan(List.of(root)), (published, publish) -> {
				});
			}
			catch (Throwable ex) {
				failure.set(ex);
			}
		});

		Thread.sleep(700);
		long interruptedAt = System.nanoTime();
		pull.interrupt();
		pull.join(Duration.ofSeconds(10));
		var stoppedAfter = Duration.ofNanos(System.nanoTime() - interruptedAt);
		Thread.sleep(1_000); // what would still reach ServiceTitan had the fetches gone on

		assertThat(pull.isAlive()).as("the pull ended").isFalse();
		assertThat(failure.get()).isInstanceOf(InterruptedException.class);
		assertThat(stoppedAfter).as("ended without waiting for the queued fetches (40 at 2 × 500 ms: 10 s)")
			.isLessThan(Duration.ofSeconds(5)); // well below the 9 s left of the queue, with room for a loaded machine
		assertThat(ST.findAll(WireMock.getRequestedFor(WireMock.urlPathMatching("/pricebook/v2/tenant/" + tenant
				+ "/categories/7000[0-9]+"))))
			.as("by-id calls that reached ServiceTitan: those under way when the pull was interrupted, no more")
			.hasSizeLessThanOrEqualTo(6);
	}
}
