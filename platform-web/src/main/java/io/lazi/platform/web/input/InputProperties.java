package io.lazi.platform.web.input;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a caller may send ({@code lazi.web.input.*}).
 *
 * @param maxJsonBody largest JSON request body accepted; a larger one answers 413 before or while it
 *        is read ({@code LAZI_MAX_JSON_BODY}, default 1MB). Multipart uploads have their own
 *        limit ({@code spring.servlet.multipart.*}).
 */
@ConfigurationProperties("lazi.web.input")
public record InputProperties(@DefaultValue("1MB") DataSize maxJsonBody) {

	public InputProperties {
		if (maxJsonBody.toBytes() <= 0) {
			throw new IllegalArgumentException("lazi.web.input.max-json-body must be positive");
		}
	}
}
