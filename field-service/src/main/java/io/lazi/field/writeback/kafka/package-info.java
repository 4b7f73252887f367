/** The {@code crm.opportunities} listener. */
@NullMarked
package io.lazi.field.writeback.kafka;

import org.jspecify.annotations.NullMarked;
