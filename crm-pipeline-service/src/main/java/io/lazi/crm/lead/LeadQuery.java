package io.lazi.crm.lead;

import org.jspecify.annotations.Nullable;

/**
 * Filters and order of a lead listing; every filter is optional.
 *
 * @param q words each matching a prefix of the name, company, email, phone digits or city
 * @param status a status' wire value, e.g. {@code qualified}
 * @param source a source's wire value, e.g. {@code website}
 * @param ownerId a user's {@code sub}
 * @param sort {@code field[,asc|desc]}: {@code createdAt} (default, newest first), {@code updatedAt}, {@code name},
 *        {@code company}, {@code status}, {@code source}, {@code estimatedValue} or {@code score}
 */
public record LeadQuery(@Nullable String q, @Nullable String status, @Nullable String source, @Nullable String ownerId,
		@Nullable String sort) {
}
