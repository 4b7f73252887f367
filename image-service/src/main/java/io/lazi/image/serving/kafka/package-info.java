/**
 * Kafka adapter of image serving: reads {@code pricebook.changed} twice, once per service into the database
 * (group {@code image-service}) and once per instance into its memory cache (group
 * {@code image-service-cache-<uuid>}).
 */
@NullMarked
package io.lazi.image.serving.kafka;

import org.jspecify.annotations.NullMarked;
