/**
 * Pricebook category pulls: full and incremental syncs of a tenant's category trees, on demand and on
 * schedules, each run recorded and announced on {@code sync.events}, each root published on
 * {@code st.raw.categories}.
 */
@NullMarked
package io.lazi.stingest.pricebook;

import org.jspecify.annotations.NullMarked;
