/**
 * What the category features share and nothing else may use: a stored node with its local state,
 * the changes announced on {@code pricebook.changed}, the one writer of the {@code category} table, the
 * reads and locks of its rows and a read model of the push commands in flight.
 */
@NullMarked
package io.lazi.pricebook.category.internal;

import org.jspecify.annotations.NullMarked;
