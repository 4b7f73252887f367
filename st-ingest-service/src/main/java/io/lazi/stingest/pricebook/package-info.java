/**
 * Pricebook category pulls (resource {@code pricebook.categories}): full and incremental syncs of a
 * tenant's category trees, each root published on {@code st.raw.categories} with its subcategory images
 * filled. Runs, schedules, cursors and the REST API come from {@link io.lazi.stingest.sync}.
 */
@NullMarked
package io.lazi.stingest.pricebook;

import org.jspecify.annotations.NullMarked;
