/**
 * Kafka adapters of the category tree: listeners on {@code st.raw.categories} and
 * {@code sync.events} that read the CloudEvent and hand it to the application services.
 */
@NullMarked
package io.lazi.pricebook.category.kafka;

import org.jspecify.annotations.NullMarked;
