package io.lazi.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.mock.http.client.MockClientHttpRequest;

class QuerylessUrlConventionUnitTests {

	private final QuerylessUrlConvention convention = new QuerylessUrlConvention();

	@Test
	void recordsTheUrlWithoutItsQueryOrUserInfo() {

		var context = new ClientRequestObservationContext(new MockClientHttpRequest(HttpMethod.GET,
				URI.create("https://user:pw@cdn.example:8443/images/a%20b.png?sig=s3cr3t&se=2026#top")));

		assertThat(convention.getHighCardinalityKeyValues(context).stream())
			.anySatisfy(keyValue -> assertThat(keyValue.getKey()).isEqualTo("http.url"))
			.allSatisfy(keyValue -> assertThat(keyValue.getValue()).doesNotContain("s3cr3t", "user", "pw", "top"))
			.filteredOn(keyValue -> keyValue.getKey().equals("http.url"))
			.singleElement()
			.satisfies(keyValue -> assertThat(keyValue.getValue()).isEqualTo("https://cdn.example:8443/images/a%20b.png"));
		assertThat(convention.getName()).isEqualTo("http.client.requests");
	}
}
