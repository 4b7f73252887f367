package io.lazi.pricebook.category.push;

import java.util.UUID;

/** Answer to a push request: its id and how many commands it sent (or holds for a parent's create). */
public record PushStarted(UUID pushId, int count) {
}
