/** The {@code st.raw.*} listener. */
@NullMarked
package io.lazi.field.mirror.kafka;

import org.jspecify.annotations.NullMarked;
