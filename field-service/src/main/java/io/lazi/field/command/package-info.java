/**
 * Writes to ServiceTitan: each a {@code FieldCommand} on {@code st.commands} recorded PENDING in the same
 * transaction, then the outcome st-ingest answers on {@code sync.events}, whose records land in the mirror.
 */
@NullMarked
package io.lazi.field.command;

import org.jspecify.annotations.NullMarked;
