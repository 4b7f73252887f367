/**
 * Pushing pending local changes to ServiceTitan through {@code st.commands}, applying st-ingest's
 * outcomes ({@link io.lazi.pricebook.category.push.CategoryPushes}) and repairing failed pushes
 * ({@link io.lazi.pricebook.category.push.PushErrors}). Owns {@code category_push} and
 * {@code category_push_item}.
 */
@ApplicationModule(displayName = "Category push")
@NullMarked
package io.lazi.pricebook.category.push;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
