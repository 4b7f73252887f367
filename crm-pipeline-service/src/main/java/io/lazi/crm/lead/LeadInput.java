package io.lazi.crm.lead;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The editable fields of a lead, the body of a create and of an update. An update takes the whole body: a null
 * optional field clears it, except {@code source} and {@code status}, which a null leaves as they are (on create
 * they default to {@code other} and {@code new}).
 *
 * @param name required, at most 200 characters
 * @param company at most 200 characters, as are {@code street}, {@code city}, {@code state} and {@code zip}
 * @param email an address shape ({@code a@b.c}), at most 320 characters
 * @param phone digits with {@code + ( ) - . /} and spaces, an optional extension ({@code x12}), at most 50 characters
 * @param source {@code website}, {@code referral}, {@code phone}, {@code social}, {@code email}, {@code event} or
 *        {@code other}
 * @param status {@code new}, {@code contacted}, {@code qualified} or {@code unqualified}; {@code converted} only
 *        through a conversion
 * @param estimatedValue {@code >= 0}, at most two decimals
 * @param ownerId a user's {@code sub}; on create, the creating user when absent
 * @param score 0..100
 */
public record LeadInput(@Nullable String name, @Nullable String company, @Nullable String email,
		@Nullable String phone, @Nullable String street, @Nullable String city, @Nullable String state,
		@Nullable String zip, @Nullable String source, @Nullable String status, @Nullable BigDecimal estimatedValue,
		@Nullable String ownerId, @Nullable Integer score) {
}
