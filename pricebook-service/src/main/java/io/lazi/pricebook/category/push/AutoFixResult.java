package io.lazi.pricebook.category.push;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What auto-fix did.
 *
 * @param action {@code reparent}, {@code recreate}, {@code drop_image} or {@code retry}
 * @param detail a sentence for the user
 * @param pushId the push that re-sent the item; {@code null} when nothing was left to push
 */
public record AutoFixResult(String action, String detail, @Nullable UUID pushId) {
}
