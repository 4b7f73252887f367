package io.lazi.platform.test;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.lazi.platform.events.TrustedHeaders;

/** {@link OpenApiContract}'s requests in a servlet test context without a server ({@code @AutoConfigureMockMvc}). */
final class MockMvcCalls {

	private MockMvcCalls() {
	}

	static OpenApiContract.Answer get(ApplicationContext context, String path, @Nullable String bearer, String tenant)
			throws Exception {

		var request = context.getBean(MockMvcTester.class).get().uri(path).header(TrustedHeaders.TENANT_ID, tenant);
		var response = (bearer == null ? request : request.header("Authorization", "Bearer " + bearer)).exchange()
			.getResponse();
		return new OpenApiContract.Answer(response.getStatus(), response.getContentAsString(StandardCharsets.UTF_8));
	}
}
