/**
 * Outbound ServiceTitan writes from {@code st.commands}: category commands ({@code StCommand}: update, create,
 * delete and single pull, with an image upload first when the write names one) and field commands
 * ({@code FieldCommand}: customers, jobs, technician assignments, appointments and estimates, with the records
 * they changed read back). Each command is executed at most once to an outcome, recorded in {@code st_command}
 * and announced as {@code StCommandCompleted} or {@code FieldCommandCompleted} on {@code sync.events} in the
 * same transaction.
 */
@NullMarked
package io.lazi.stingest.command;

import org.jspecify.annotations.NullMarked;
