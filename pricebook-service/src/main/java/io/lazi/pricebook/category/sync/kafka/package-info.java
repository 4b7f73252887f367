/**
 * The listener on {@code st.raw.categories}.
 */
@NullMarked
package io.lazi.pricebook.category.sync.kafka;

import org.jspecify.annotations.NullMarked;
