package io.lazi.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusScrapeUnitTests {

	private static final String TEXT = """
			# HELP lazi_st_requests_total ServiceTitan API calls by outcome
			# TYPE lazi_st_requests_total counter
			lazi_st_requests_total{application="st-ingest-service",outcome="rate_limited",tenant="1"} 2.0
			lazi_sync_runs_seconds_bucket{application="st-ingest-service",le="+Inf",resource="crm"} 3
			odd_total{application="a \\"quoted\\", b\\\\c",path="/x,y"} 1.5 1700000000000
			process_uptime_seconds 12.5
			""";

	private final PrometheusScrape scrape = PrometheusScrape.parse(TEXT);

	@Test
	void readsNamesLabelsAndValuesOfEverySampleLine() {

		assertThat(scrape.series()).hasSize(4);
		assertThat(scrape.find("lazi_st_requests_total", "outcome", "rate_limited")).singleElement()
			.satisfies(s -> assertThat(s.value()).isEqualTo(2.0));
		assertThat(scrape.find("lazi_sync_runs_seconds_bucket", "le", "+Inf").getFirst().value()).isEqualTo(3);
		assertThat(scrape.find("odd_total").getFirst().labels()).containsEntry("application", "a \"quoted\", b\\c")
			.containsEntry("path", "/x,y");
		assertThat(scrape.find("process_uptime_seconds").getFirst().value()).isEqualTo(12.5);
	}

	@Test
	void listsTheSeriesThatLackALabelValue() {

		assertThat(scrape.without("application", "st-ingest-service")).extracting(PrometheusScrape.Series::name)
			.containsExactly("odd_total", "process_uptime_seconds");
		assertThat(scrape.values("lazi_st_requests_total", "outcome")).containsExactly("rate_limited");
	}
}
