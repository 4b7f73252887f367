package io.lazi.crm.account;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One record found by {@link RecordSearch}.
 *
 * @param type {@code account}, {@code contact}, {@code lead} or {@code opportunity}
 * @param id the record's id, for {@code /api/crm/{type}s/{id}}
 * @param title its name (an opportunity's title)
 * @param subtitle what tells it apart: an account's city, email and phone; a contact's account, email and phone; a
 *        lead's company and email (else phone); an opportunity's pipeline and stage; null when none is known
 * @param rank PostgreSQL's {@code ts_rank} of the match, higher is better; comparable within one answer only
 */
public record SearchHit(String type, UUID id, String title, @Nullable String subtitle, double rank) {
}
