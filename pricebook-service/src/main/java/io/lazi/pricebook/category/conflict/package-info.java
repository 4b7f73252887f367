/**
 * Conflicts between pending local changes and ServiceTitan: recorded when a pull meets a pending
 * change ({@link io.lazi.pricebook.category.conflict.ConflictRecorder}), resolved only by a user's
 * strategy ({@link io.lazi.pricebook.category.conflict.CategoryConflicts}). Owns {@code category_conflict}.
 */
@ApplicationModule(displayName = "Category conflicts")
@NullMarked
package io.lazi.pricebook.category.conflict;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
