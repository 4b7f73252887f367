/** The {@code crm.leads} listener. */
@NullMarked
package io.lazi.field.customer.kafka;

import org.jspecify.annotations.NullMarked;
