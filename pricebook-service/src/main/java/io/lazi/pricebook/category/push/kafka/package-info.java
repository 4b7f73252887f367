/**
 * The listener on {@code sync.events}: run completions go to the sync, command outcomes to the
 * pushes, every other event is skipped explicitly.
 */
@NullMarked
package io.lazi.pricebook.category.push.kafka;

import org.jspecify.annotations.NullMarked;
