package io.lazi.platform.observability;

import java.net.URI;

import org.springframework.http.client.observation.ClientHttpObservationDocumentation.HighCardinalityKeyNames;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;

import io.micrometer.common.KeyValue;

/**
 * The observation of a {@code RestClient} whose URLs may carry a credential in their query, such as signed CDN
 * links: {@code http.client.requests} as usual, but the {@code http.url} a trace records stops before the query.
 * Set it with {@code RestClient.Builder#observationConvention}.
 */
public class QuerylessUrlConvention extends DefaultClientRequestObservationConvention {

	@Override
	protected KeyValue requestUri(ClientRequestObservationContext context) {

		var request = context.getCarrier();
		if (request == null) {
			return super.requestUri(context);
		}
		return KeyValue.of(HighCardinalityKeyNames.HTTP_URL, withoutQuery(request.getURI()));
	}

	/** {@code scheme://authority/path} of {@code uri}: no user info, query or fragment. */
	static String withoutQuery(URI uri) {
		return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
				+ (uri.getRawPath() == null ? "" : uri.getRawPath());
	}
}
