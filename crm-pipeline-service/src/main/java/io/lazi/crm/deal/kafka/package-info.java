/** Kafka adapter of the deals: the pricebook's raw services, materials and equipment into the products snapshot. */
@NullMarked
package io.lazi.crm.deal.kafka;

import org.jspecify.annotations.NullMarked;
