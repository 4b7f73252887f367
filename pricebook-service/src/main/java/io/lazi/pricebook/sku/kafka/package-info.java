/**
 * Kafka adapter of the SKUs: a listener on the raw SKU topics that reads the CloudEvent and hands it
 * to {@link io.lazi.pricebook.sku.SkuSync}.
 */
@NullMarked
package io.lazi.pricebook.sku.kafka;

import org.jspecify.annotations.NullMarked;
