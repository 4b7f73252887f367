package io.lazi.stsimulator.pricebook;

import org.jspecify.annotations.Nullable;

/**
 * A partial change of a category, as a user would make it in ServiceTitan. A null {@code name} or
 * {@code active} leaves the field unchanged; {@code image} is applied (possibly clearing it) only
 * when {@code imageChanged} is set.
 *
 * @param name the new name, or null to keep it
 * @param active the new active flag, or null to keep it
 * @param imageChanged whether {@code image} is to be applied
 * @param image the new image path, or null to clear it (when {@code imageChanged})
 */
public record CategoryEdit(@Nullable String name, @Nullable Boolean active, boolean imageChanged, @Nullable String image) {
}
