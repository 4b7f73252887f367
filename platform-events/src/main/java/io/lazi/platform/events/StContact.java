package io.lazi.platform.events;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One contact method of a customer from {@code GET /crm/v2/tenant/{tenant}/customers/{id}/contacts}
 * (or the contacts export).
 *
 * @param type {@code Phone}, {@code Email}, {@code Fax} or {@code MobilePhone}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StContact(long id, String type, String value, @Nullable String memo) {
}
