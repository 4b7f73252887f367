/**
 * Pricebook images by node: memory (Caffeine, bounded in bytes, one load per key) → the
 * {@code stored_image} table → ServiceTitan through st-ingest-service → 404; which path belongs to
 * which node is learned from {@code pricebook.changed} into {@code node_image}.
 */
@NullMarked
package io.lazi.image.serving;

import org.jspecify.annotations.NullMarked;
