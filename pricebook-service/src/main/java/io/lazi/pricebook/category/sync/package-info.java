/**
 * Applying ServiceTitan's state to the tree: fetched roots from {@code st.raw.categories}, the
 * completion of {@code pricebook.categories} runs and answers to single-category pulls, each exactly once
 * and with conflict detection against pending local changes
 * ({@link io.lazi.pricebook.category.sync.CategorySync}). Owns {@code sync_apply} and
 * {@code sync_applied_root}.
 */
@ApplicationModule(displayName = "Category sync")
@NullMarked
package io.lazi.pricebook.category.sync;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
