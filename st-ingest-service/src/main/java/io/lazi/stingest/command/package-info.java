/**
 * Outbound ServiceTitan writes from {@code st.commands}: category update, create, delete and single
 * pull, with an image upload first when the write names one. Each command is executed at most once to
 * an outcome, recorded in {@code st_command} and announced as {@code StCommandCompleted} on
 * {@code sync.events} in the same transaction.
 */
@NullMarked
package io.lazi.stingest.command;

import org.jspecify.annotations.NullMarked;
