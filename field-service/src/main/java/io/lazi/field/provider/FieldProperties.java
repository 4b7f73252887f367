package io.lazi.field.provider;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lazi.field.*}.
 *
 * @param defaultProvider the provider of a domain a tenant has not set: {@code servicetitan}, {@code lazi} or
 *        {@code hybrid}
 */
@ConfigurationProperties("lazi.field")
public record FieldProperties(@DefaultValue("servicetitan") String defaultProvider) {
}
