/**
 * Kafka adapter of image serving: reads {@code pricebook.changed}.
 */
@NullMarked
package io.lazi.image.serving.kafka;

import org.jspecify.annotations.NullMarked;
